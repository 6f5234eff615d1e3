-- Chronicle's database and its two roles, created once by a superuser (docker-compose runs this file at the
-- database's first start; on another server, run it with psql and change the passwords).
--   chronicle_owner  owns the database and the log; runs the migrations (MIGRATION_DATABASE_URL).
--   chronicle_app    what the web app, the worker and the services sign in as (DATABASE_URL): it may read and append
--                    the log but never change, delete or truncate it, nor turn its append-only trigger off. It owns
--                    the read models' tables, which a rebuild replaces; the owner is a member of it, so migrations
--                    still reach them. pg_read_all_stats lets its readers tell other databases' transactions apart.
CREATE ROLE chronicle_owner LOGIN PASSWORD 'chronicle-owner';
CREATE ROLE chronicle_app LOGIN PASSWORD 'chronicle-app';
GRANT chronicle_app TO chronicle_owner;
GRANT pg_read_all_stats TO chronicle_app;
CREATE DATABASE chronicle OWNER chronicle_owner;
