"""The site as gunicorn serves it in the benchmark, plus /media/ (bench/production.py).

Production settings do not serve uploaded media: a proxy or S3 does. Here WhiteNoise stands
in for it so that pages load their pictures in Lighthouse, as they would in production.
Renditions are made while pages render, after start-up: hence autorefresh, for /media/ only.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from memhisto.wsgi import application as site

application = WhiteNoise(site, autorefresh=True)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
