"""The product's logic. Services use `models/` and the AI gateway; they never import telegram."""
