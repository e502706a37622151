"""Browser tests use Debian's chromium and chromedriver; keep Selenium from looking online
for drivers (this machine has no network but the package registries)."""

import os

os.environ.setdefault("SE_OFFLINE", "true")
