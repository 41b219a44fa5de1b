#!/bin/sh
# Back up the portal: the database (pg_dump, custom format) and the media
# directory (uploaded documents and images). docs/operations.md "Backup and restore".
#
#   deploy/backup.sh [DIR]        (default /var/backups/portal)
#
# Reads DATABASE_URL (postgres://user@host:port/name, as the portal does) and
# MEDIA_ROOT from the environment (e.g. `set -a; . /etc/portal/portal.env; set +a`).
# Writes DIR/portal-<UTC time>.dump and DIR/media-<UTC time>.tar.gz, and prints
# the dump's path. A consistent snapshot while the site runs: pg_dump reads one
# transaction; nothing is locked against citizens' submissions.
set -eu

dest=${1:-/var/backups/portal}
: "${DATABASE_URL:?set DATABASE_URL (postgres://...)}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$dest"
umask 077  # personal data: readable by the backup's owner only

pg_dump --format=custom --no-owner --no-privileges \
    --file "$dest/portal-$stamp.dump" "$DATABASE_URL"
if [ -n "${MEDIA_ROOT:-}" ] && [ -d "$MEDIA_ROOT" ]; then
    tar -C "$MEDIA_ROOT" -czf "$dest/media-$stamp.tar.gz" .
fi
echo "$dest/portal-$stamp.dump"
