from django.utils.functional import Promise


class WorkflowError(Exception):
    """A refused action, with a translated message that can be shown to the user."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = message
