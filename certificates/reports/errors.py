class RenderError(Exception):
    """An audit-trail PDF could not be rendered, or would have been incomplete."""
