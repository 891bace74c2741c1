"""Typed errors: each says what went wrong in one line and how to put it right."""


class RemembrancerError(Exception):
    """Base class. `str(e)` is the one-line message, `e.remedy` what to do about it."""

    remedy = ""

    def __init__(self, message, remedy=None):
        super().__init__(message)
        if remedy is not None:
            self.remedy = remedy

    def line(self):
        return f"{self}. {self.remedy}" if self.remedy else str(self)


class EmptyInput(RemembrancerError):
    remedy = "Give some text to remember."


class BadInput(RemembrancerError):
    remedy = "Check the input and try again; nothing was stored."


class BadEncoding(BadInput):
    remedy = "Save the file as UTF-8 text and try again; nothing was stored."


class BinaryInput(BadInput):
    remedy = "Only text can be remembered: give a .txt or .md file; nothing was stored."


class BadFormat(BadInput):
    remedy = "Fix the line named above and try again; nothing was stored."


class BadArgument(BadInput, TypeError):
    """A Python call with an argument of the wrong type (also a TypeError, as Python's own would be)."""

    remedy = "Check the arguments (help(Memory)); nothing was changed."


class UnknownFormat(BadInput):
    remedy = "Use one of the formats listed by --help."


class NotEmpty(BadInput):
    remedy = ("Copy into a new store (a new file, or a new --memory / ?memory= name); to add one store's entries to"
              " another's, export and import them (`remembrancer export -o all.jsonl`, then `import all.jsonl`); nothing was changed.")


class NotFound(RemembrancerError):
    remedy = "Check the name or path."


class BadDate(BadInput):
    remedy = "Write dates like 2023-05-08 or '8 May 2023 13:56'."


class StoreError(RemembrancerError):
    remedy = "Run `remembrancer check`; restore from a backup if it fails."


class StoreLocked(StoreError):
    remedy = "Another program is writing to this store; wait for it to finish and try again."


class StoreCorrupt(StoreError):
    remedy = "Check the path (--db); if it is your store, restore it from a backup (`remembrancer backup` makes one)."


class NeedsKey(StoreError):
    remedy = "If it is your encrypted store, give its key (--key-file PATH or $REMEMBRANCER_KEY_FILE); if not, check --db."


class WrongKey(StoreError):
    remedy = "Check the key file (--key-file or $REMEMBRANCER_KEY_FILE); nothing was changed."


class Unauthorized(RemembrancerError):
    remedy = "Send the token printed when the server first started, as 'Authorization: Bearer TOKEN'."


class Interrupted(BaseException):
    """Deriving was asked to stop (the server is stopping): what was written stays, the rest stays pending.
    A BaseException, like KeyboardInterrupt: no entry failed."""
