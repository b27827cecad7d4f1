"""The database keeps every article's search vector current (PostgreSQL only).

One mechanism for every way a row can change — the admin, services, `update()`, `bulk_create`,
restores, imports, raw SQL: triggers on articles, bylines and author names recompute the
vector from one SQL function, which `ArticleQuerySet.refresh_search_vectors()` also calls.
SQLite searches without a vector (articles.search falls back to matching words).

Headline A, standfirst B, author names C, body text D (tags and entities dropped), in the
configuration of the article's language (`articles_search_config`: PostgreSQL has no stemmer for
Sinhala or Tamil, so they use `simple`).
"""

from django.db import migrations

FORWARD = r"""
CREATE OR REPLACE FUNCTION articles_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN language IN ('si', 'ta') THEN 'simple' ELSE 'english' END::regconfig
$$;

CREATE OR REPLACE FUNCTION articles_search_vector(
  article_id bigint, title text, standfirst text, body text, language text
) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(cfg, coalesce(title, '')), 'A')
      || setweight(to_tsvector(cfg, coalesce(standfirst, '')), 'B')
      || setweight(to_tsvector(cfg, coalesce((
           SELECT string_agg(author.name, ' ' ORDER BY credit.position, credit.id)
           FROM articles_articleauthor credit
           JOIN authors_author author ON author.id = credit.author_id
           WHERE credit.article_id = $1), '')), 'C')
      || setweight(to_tsvector(cfg, regexp_replace(
           regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'),
           '&[#a-zA-Z0-9]+;', ' ', 'g')), 'D')
  FROM (SELECT articles_search_config(language) AS cfg) AS config
$$;

CREATE OR REPLACE FUNCTION articles_article_index() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := articles_search_vector(
    NEW.id, NEW.title, NEW.standfirst, NEW.body, NEW.language);
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION articles_reindex_credited() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE articles_article a
     SET search_vector = articles_search_vector(a.id, a.title, a.standfirst, a.body, a.language)
   WHERE a.id IN (SELECT article_id FROM changed_credits);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION articles_reindex_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE articles_article a
     SET search_vector = articles_search_vector(a.id, a.title, a.standfirst, a.body, a.language)
   WHERE a.id IN (
     SELECT credit.article_id FROM articles_articleauthor credit
     JOIN renamed_new n ON n.id = credit.author_id
     JOIN renamed_old o ON o.id = n.id
     WHERE n.name IS DISTINCT FROM o.name);
  RETURN NULL;
END $$;

CREATE TRIGGER articles_article_index
  BEFORE INSERT OR UPDATE OF title, standfirst, body, language ON articles_article
  FOR EACH ROW EXECUTE FUNCTION articles_article_index();

-- Statement-level with transition tables: a restore's bulk insert of bylines re-indexes once.
CREATE TRIGGER articles_credit_insert_index
  AFTER INSERT ON articles_articleauthor REFERENCING NEW TABLE AS changed_credits
  FOR EACH STATEMENT EXECUTE FUNCTION articles_reindex_credited();
CREATE TRIGGER articles_credit_update_index
  AFTER UPDATE ON articles_articleauthor REFERENCING NEW TABLE AS changed_credits
  FOR EACH STATEMENT EXECUTE FUNCTION articles_reindex_credited();
CREATE TRIGGER articles_credit_delete_index
  AFTER DELETE ON articles_articleauthor REFERENCING OLD TABLE AS changed_credits
  FOR EACH STATEMENT EXECUTE FUNCTION articles_reindex_credited();
CREATE TRIGGER articles_author_rename_index
  AFTER UPDATE ON authors_author REFERENCING OLD TABLE AS renamed_old NEW TABLE AS renamed_new
  FOR EACH STATEMENT EXECUTE FUNCTION articles_reindex_renamed();

UPDATE articles_article
   SET search_vector = articles_search_vector(id, title, standfirst, body, language);
"""

BACKWARD = """
DROP TRIGGER IF EXISTS articles_author_rename_index ON authors_author;
DROP TRIGGER IF EXISTS articles_credit_delete_index ON articles_articleauthor;
DROP TRIGGER IF EXISTS articles_credit_update_index ON articles_articleauthor;
DROP TRIGGER IF EXISTS articles_credit_insert_index ON articles_articleauthor;
DROP TRIGGER IF EXISTS articles_article_index ON articles_article;
DROP FUNCTION IF EXISTS articles_reindex_renamed();
DROP FUNCTION IF EXISTS articles_reindex_credited();
DROP FUNCTION IF EXISTS articles_article_index();
DROP FUNCTION IF EXISTS articles_search_vector(bigint, text, text, text, text);
DROP FUNCTION IF EXISTS articles_search_config(text);
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_historical_body_and_image"),
        ("authors", "0002_photo_checks"),
    ]

    operations = [migrations.RunPython(forward, backward)]
