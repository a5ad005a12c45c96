FROM python:3.12-slim-bookworm
# WeasyPrint needs Pango; the Japanese fonts ship in static/fonts.
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
# The compiled Japanese catalogue (locale/ja/LC_MESSAGES/django.mo) is committed.
RUN pip install --no-cache-dir .
ENV DEBUG=false
EXPOSE 8000
