"""Small domain exceptions; views turn them into messages."""


class CasesError(Exception):
    """Base of the cases domain errors."""


class ConsentRequired(CasesError):
    """A purpose that needs consent was asked for without it."""

    def __init__(self, purpose: str):
        super().__init__(purpose)
        self.purpose = purpose


class CasusAlreadyAssigned(CasesError):
    """Another coordinator was first; `holder` is the advisor who has it."""

    def __init__(self, casus, holder):
        super().__init__(str(holder))
        self.casus = casus
        self.holder = holder


class InvalidTransition(CasesError):
    """The casus or referral is not in a state that allows this step."""
