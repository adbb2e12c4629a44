# Mem'Histo: one image for every app server. Build: docker build -t memhisto .
# Run with compose.yaml (app, PostgreSQL, Redis) or any orchestrator; settings come from
# the environment (README.md, "Production and scaling out").

# --- Front-end libraries (Leaflet, Leaflet.markercluster, Pannellum, Workbox), locked by package-lock.json ---
FROM node:20-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error

# --- The application ---
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=memhisto.settings.production \
    MEDIA_ROOT=/srv/media \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv
# The versions CI tested (requirements.lock), without the test tools.
COPY requirements-production.lock /tmp/requirements.lock
RUN pip install --require-hashes -r /tmp/requirements.lock && rm /tmp/requirements.lock

RUN useradd --system --create-home --home-dir /srv memhisto
WORKDIR /srv/app
# Only the packages the static files finder serves (STATICFILES_DIRS in settings/base.py).
COPY --from=frontend /build/node_modules/leaflet node_modules/leaflet
COPY --from=frontend /build/node_modules/leaflet.markercluster node_modules/leaflet.markercluster
COPY --from=frontend /build/node_modules/pannellum node_modules/pannellum
COPY --from=frontend /build/node_modules/workbox-sw node_modules/workbox-sw
COPY --from=frontend /build/node_modules/workbox-core node_modules/workbox-core
COPY --from=frontend /build/node_modules/workbox-routing node_modules/workbox-routing
COPY --from=frontend /build/node_modules/workbox-strategies node_modules/workbox-strategies
COPY --from=frontend /build/node_modules/workbox-precaching node_modules/workbox-precaching
COPY --from=frontend /build/node_modules/workbox-range-requests node_modules/workbox-range-requests
COPY . .

# Catalogues and hashed, compressed static files are built once, into the image.
# The key below only lets the settings load during the build; it is never used at run time.
RUN SECRET_KEY=build-only python manage.py compile_catalogues \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && mkdir -p /srv/media /srv/static && chown -R memhisto /srv/media /srv/static

USER memhisto
EXPOSE 8000
# Sends the site's own host name, which ALLOWED_HOSTS accepts (first of the list).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; host = os.environ['ALLOWED_HOSTS'].split(',')[0].strip(); urllib.request.urlopen(urllib.request.Request('http://127.0.0.1:8000/healthz', headers={'Host': host}), timeout=4)"
CMD ["gunicorn", "memhisto.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--error-logfile", "-"]
