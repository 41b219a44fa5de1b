"""Models of the domain core, one module per concern."""

from .registry import (
    Assignment,
    CodeField,
    Officer,
    Service,
    ServicePoint,
    Unit,
    code_validator,
    validate_nip,
)

__all__ = [
    "Assignment",
    "CodeField",
    "Officer",
    "Service",
    "ServicePoint",
    "Unit",
    "code_validator",
    "validate_nip",
]
from .survey import (  # noqa: E402
    Channel,
    CommentStatus,
    Education,
    IdempotencyKey,
    ImportBatch,
    Kiosk,
    Occupation,
    Receipt,
    Response,
    Sex,
)

__all__ += [
    "Channel",
    "CommentStatus",
    "Education",
    "IdempotencyKey",
    "ImportBatch",
    "Kiosk",
    "Occupation",
    "Receipt",
    "Response",
    "Sex",
]
from .tokens import ApiToken  # noqa: E402

__all__ += ["ApiToken"]
from .rollups import Population, ProfileMonth, ServiceMonth  # noqa: E402

__all__ += ["Population", "ProfileMonth", "ServiceMonth"]
from .personnel import AccessLog, HRScope, Indicator, OfficerMonth  # noqa: E402

__all__ += ["AccessLog", "HRScope", "Indicator", "OfficerMonth"]
from .history import ReportedPeriod  # noqa: E402

__all__ += ["ReportedPeriod"]
from .appeals import Appeal  # noqa: E402

__all__ += ["Appeal"]

from .appraisal import (  # noqa: E402
    ActivationLink,
    FeedbackNote,
    PeerReview,
    PeerRound,
    PerformanceDialog,
    Supervision,
    Training,
)

__all__ += [
    "ActivationLink",
    "FeedbackNote",
    "PeerReview",
    "PeerRound",
    "PerformanceDialog",
    "Supervision",
    "Training",
]

from .loop import (  # noqa: E402
    FeedbackItem,
    ItemEvent,
    ItemStatus,
    LoopMonth,
    Reply,
    ReplyContact,
    ReplyStatus,
    ReplyTemplate,
    UnitFollowUps,
    UnitStaff,
)

__all__ += [
    "FeedbackItem",
    "ItemEvent",
    "ItemStatus",
    "LoopMonth",
    "Reply",
    "ReplyContact",
    "ReplyStatus",
    "ReplyTemplate",
    "UnitFollowUps",
    "UnitStaff",
]
