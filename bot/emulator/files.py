"""Files in the emulator: documents and voice notes the bot sends, getFile and downloads."""

from __future__ import annotations

from typing import Any

from bot.emulator.types import MAX_CAPTION, MAX_DOWNLOAD, APIError, ChatMessage


class FilesAPI:
    """Mixed into BotAPIEmulator: sending files, getFile and the file download URL."""

    async def _send_file(self, params: dict[str, Any], kind: str) -> Any:
        chat_id = self._chat(params)
        text, entities, html = self._format(params, "caption", MAX_CAPTION, empty_ok=True)
        upload = params["_files"].get(kind)
        if upload is None:
            raise APIError(f"Bad Request: there is no {kind} in the request")
        filename, content, mime = upload
        meta: dict[str, Any] = {"mime_type": mime} if mime else {}
        if kind == "document":
            meta["file_name"] = filename
        if kind == "voice":
            meta["duration"] = int(params.get("duration") or 1)
        if kind == "photo":
            if not content.startswith(b"\x89PNG\r\n\x1a\n") and not content.startswith(b"\xff\xd8"):
                raise APIError("Bad Request: IMAGE_PROCESS_FAILED")
            meta = {"width": 800, "height": 450}
        file = self.add_file(content, kind=kind, **meta)
        if kind == "photo":
            file = [file]  # Telegram sends the sizes of a photo
        return self._sent(
            ChatMessage(
                self.new_message_id(),
                chat_id,
                True,
                text,
                html,
                entities,
                self._markup(params),
                kind=kind,
                file=file,
            )
        )

    async def api_senddocument(self, params: dict[str, Any]) -> Any:
        return await self._send_file(params, "document")

    async def api_sendphoto(self, params: dict[str, Any]) -> Any:
        return await self._send_file(params, "photo")

    async def api_sendvoice(self, params: dict[str, Any]) -> Any:
        return await self._send_file(params, "voice")

    async def api_getfile(self, params: dict[str, Any]) -> Any:
        stored = self.files.get(params["file_id"])
        if stored is None:
            raise APIError("Bad Request: invalid file_id")
        if len(stored["content"]) > MAX_DOWNLOAD or stored.get("too_big"):
            raise APIError("Bad Request: file is too big")
        return {
            "file_id": params["file_id"],
            "file_unique_id": "U" + params["file_id"],
            "file_size": len(stored["content"]),
            "file_path": stored["path"],
        }

    def download(self, url: str) -> bytes:
        for stored in self.files.values():
            if url.endswith("/" + stored["path"]):
                return stored["content"]
        raise APIError("Not Found: file", code=404)
