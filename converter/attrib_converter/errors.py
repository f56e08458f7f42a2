"""Every way a conversion can fail on purpose, each with its own code.

The CLI prints ``message`` as one line and exits non-zero; anything that is not
a :class:`ConverterError` is a bug and keeps its traceback.
"""


class ConverterError(Exception):
    """Base class; ``code`` is a stable identifier for scripts and tests."""

    code = "converter-error"


class SourceNotFoundError(ConverterError):
    code = "source-not-found"


class SourceLoadError(ConverterError):
    code = "source-load-failed"


class UnsupportedArchitectureError(ConverterError):
    code = "unsupported-architecture"


class TokenizerMismatchError(ConverterError):
    code = "tokenizer-mismatch"


class ExportError(ConverterError):
    code = "export-failed"


class ValidationError(ConverterError):
    code = "validation-failed"


class InvalidOptionError(ConverterError):
    code = "invalid-option"
