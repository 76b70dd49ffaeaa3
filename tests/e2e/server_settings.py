"""Settings of the server the browser tests talk to.

The test settings (same SECRET_KEY, password hasher and hash key as the pytest process, so a
session or magic link made in a test is valid on the server), plus e-mail written to files
the `mailbox` fixture reads.
"""

from schakelteam.settings.test import *  # noqa: F403
from schakelteam.settings.test import env

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env.str("E2E_MAIL_DIR", default="/tmp/schakelteam-e2e-mail")  # noqa: S108
