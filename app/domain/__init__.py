"""Pure domain core: no Flask, SQLAlchemy, durable_rules or docxtpl imports."""
