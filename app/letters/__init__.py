"""Letters: templates, manifest, context building, rendering and preview."""
