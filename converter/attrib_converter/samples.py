"""Texts the converter checks every bundle on."""

VALIDATION_PROMPTS = [
    "Steve",
    "The capital of France is",
    "for (let i = 0; i < items.length; i++) {",
    "First line ends here.\nSecond line, with an emoji 🙂 and",
]
"""Run through model.onnx and the transformers model; logits must agree."""

TOKENIZER_SAMPLES = [
    "Hello world",
    "   three leading spaces",
    "multiple    spaces  between   words",
    "line one\nline two\n\n\tindented with a tab\r\nwindows ending",
    "café naïve résumé Zürich ÀÉÎÕÜ ß ñ",
    "中文分词测试，日本語のテキスト。",
    "emoji 😀 family 👨‍👩‍👧‍👦 flag 🇫🇷 thumbs 👍🏽",
    "digits 1234567890, 3.14159 and 2024-06-01",
    "def fibonacci(n):\n    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)",
    "<|im_start|>user\nHi there<|im_end|>",
    "Steve",
    " The capital of France is",
    "",
]
"""tokenizer.json must give the ids transformers gives for each of these:
spaces, newlines and tabs, accents, CJK, emoji with ZWJ sequences and
modifiers, digits, code, and chat-template special tokens written in text."""
