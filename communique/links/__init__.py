"""Links across articles: incidents (one happening, many reports), remarks (one remark, many quotes),
responses (who denies, confirms or declines to comment on whom) and positions over time.

The modules here are pure logic over plain dicts and records; `communique.store.links` holds the
tables, runs them at ingest inside the store's transaction and answers the queries.
"""
