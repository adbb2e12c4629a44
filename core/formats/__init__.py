"""Date formats of our own, where Django's differ from what our visitors read
(settings.FORMAT_MODULE_PATH): one package a language, a `formats.py` in each."""
