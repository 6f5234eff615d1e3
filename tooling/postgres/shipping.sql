-- The shipping service's own database: a second bounded context keeps its own log, never the shop's. It runs as
-- its own role; the shop's roles have no access to it (and shipping's none to the shop's database).
CREATE ROLE chronicle_shipping LOGIN PASSWORD 'chronicle-shipping';
CREATE DATABASE chronicle_shipping OWNER chronicle_shipping;
REVOKE ALL ON DATABASE chronicle_shipping FROM PUBLIC;
REVOKE CONNECT ON DATABASE chronicle FROM PUBLIC;
GRANT CONNECT ON DATABASE chronicle TO chronicle_owner, chronicle_app;
