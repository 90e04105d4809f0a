"""marshmallow schemas: the input contracts shared by the HTML forms, the JSON API, the CLI and the seed.

Below the web layer on purpose: powers declare their case files with these fields and base schemas, and
every shell (web, CLI, seed) loads input through the same schema. Messages are Dutch; every string is
cleaned (control characters, NFC) before anything is stored.
"""
