namespace Journeys.Core.Validation;

/// <summary>
/// The stable codes validation reports (docs/validation-codes.md). Clients match on these strings, so they never
/// change once released. Expression errors keep the expression compiler's own <c>EXPR_*</c> codes.
/// </summary>
public static class ValidationCodes
{
    // Ids (journeys, event definitions, data sources, custom actions).
    public const string IdInvalid = "ID_INVALID";

    // Journey-level rules.
    public const string JourneyNameMissing = "JOURNEY_NAME_MISSING";
    public const string JourneyEntryMissing = "JOURNEY_ENTRY_MISSING";
    public const string JourneyEntryUnknown = "JOURNEY_ENTRY_UNKNOWN";
    public const string JourneyStartMissing = "JOURNEY_START_MISSING";
    public const string JourneyStartUnknown = "JOURNEY_START_UNKNOWN";
    public const string JourneyNodesMissing = "JOURNEY_NODES_MISSING";
    public const string JourneyTooManyNodes = "JOURNEY_TOO_MANY_NODES";
    public const string JourneyTimeoutOutOfRange = "JOURNEY_TIMEOUT_OUT_OF_RANGE";
    public const string JourneyReentryInvalid = "JOURNEY_REENTRY_INVALID";
    public const string JourneyCycleWithoutWait = "JOURNEY_CYCLE_WITHOUT_WAIT";

    // Node rules.
    public const string NodeIdInvalid = "NODE_ID_INVALID";
    public const string NodeNull = "NODE_NULL";
    public const string NodeUnreachable = "NODE_UNREACHABLE";
    public const string NodeNextMissing = "NODE_NEXT_MISSING";
    public const string NodeTargetUnknown = "NODE_TARGET_UNKNOWN";
    public const string NodeBranchesMissing = "NODE_BRANCHES_MISSING";
    public const string NodeBranchInvalid = "NODE_BRANCH_INVALID";
    public const string NodeWhenMissing = "NODE_WHEN_MISSING";
    public const string NodeConditionNoOtherwise = "NODE_CONDITION_NO_OTHERWISE";
    public const string NodeSplitPercentInvalid = "NODE_SPLIT_PERCENT_INVALID";
    public const string NodeSplitPercentSum = "NODE_SPLIT_PERCENT_SUM";
    public const string NodeWaitModeMissing = "NODE_WAIT_MODE_MISSING";
    public const string NodeWaitModeAmbiguous = "NODE_WAIT_MODE_AMBIGUOUS";
    public const string NodeDurationInvalid = "NODE_DURATION_INVALID";
    public const string NodeDurationOutOfRange = "NODE_DURATION_OUT_OF_RANGE";
    public const string NodeEventMissing = "NODE_EVENT_MISSING";
    public const string NodeEventUnknown = "NODE_EVENT_UNKNOWN";
    public const string NodeTimeoutMissing = "NODE_TIMEOUT_MISSING";
    public const string NodeActionMissing = "NODE_ACTION_MISSING";
    public const string NodeActionUnknown = "NODE_ACTION_UNKNOWN";
    public const string NodeActionNoErrorNext = "NODE_ACTION_NO_ERROR_NEXT";
    public const string NodeParamMissing = "NODE_PARAM_MISSING";
    public const string NodeParamUndeclared = "NODE_PARAM_UNDECLARED";
    public const string NodeParamTypeMismatch = "NODE_PARAM_TYPE_MISMATCH";
    public const string NodeJumpTargetMissing = "NODE_JUMP_TARGET_MISSING";
    public const string NodeJumpTargetUnknown = "NODE_JUMP_TARGET_UNKNOWN";
    public const string NodeJumpToSelf = "NODE_JUMP_TO_SELF";
    public const string NodeJumpEntryMismatch = "NODE_JUMP_ENTRY_MISMATCH";
    public const string NodeJumpEntryUnverified = "NODE_JUMP_ENTRY_UNVERIFIED";

    // Shared by event definitions, data sources and custom actions.
    public const string FieldPathInvalid = "FIELD_PATH_INVALID";
    public const string FieldPathConflict = "FIELD_PATH_CONFLICT";

    // Event definitions.
    public const string EventMatchMissing = "EVENT_MATCH_MISSING";
    public const string EventProfileIdMissing = "EVENT_PROFILE_ID_MISSING";
    public const string EventKeyMissing = "EVENT_KEY_MISSING";
    public const string EventRequiredUndeclared = "EVENT_REQUIRED_UNDECLARED";

    // Data sources.
    public const string SourceBaseUrlMissing = "SOURCE_BASE_URL_MISSING";
    public const string SourceBaseUrlInvalid = "SOURCE_BASE_URL_INVALID";
    public const string SourceTimeoutOutOfRange = "SOURCE_TIMEOUT_OUT_OF_RANGE";
    public const string SourceRateLimitInvalid = "SOURCE_RATE_LIMIT_INVALID";
    public const string SourceFieldGroupsMissing = "SOURCE_FIELD_GROUPS_MISSING";
    public const string SourceGroupIdInvalid = "SOURCE_GROUP_ID_INVALID";
    public const string SourceGroupNull = "SOURCE_GROUP_NULL";
    public const string SourceMethodInvalid = "SOURCE_METHOD_INVALID";
    public const string SourcePathInvalid = "SOURCE_PATH_INVALID";
    public const string SourceCacheSecondsInvalid = "SOURCE_CACHE_SECONDS_INVALID";
    public const string SourceFieldsMissing = "SOURCE_FIELDS_MISSING";

    // Custom actions.
    public const string ActionMethodInvalid = "ACTION_METHOD_INVALID";
    public const string ActionUrlMissing = "ACTION_URL_MISSING";
    public const string ActionUrlInvalid = "ACTION_URL_INVALID";
    public const string ActionTimeoutOutOfRange = "ACTION_TIMEOUT_OUT_OF_RANGE";
    public const string ActionMaxRetriesOutOfRange = "ACTION_MAX_RETRIES_OUT_OF_RANGE";
    public const string ActionCapInvalid = "ACTION_CAP_INVALID";
    public const string ActionHeaderInvalid = "ACTION_HEADER_INVALID";
    public const string ActionHeaderForbidden = "ACTION_HEADER_FORBIDDEN";
    public const string ActionQueryInvalid = "ACTION_QUERY_INVALID";

    // Auth of data sources and custom actions.
    public const string AuthSettingMissing = "AUTH_SETTING_MISSING";
    public const string AuthSettingInvalid = "AUTH_SETTING_INVALID";
    public const string AuthPropertyUnexpected = "AUTH_PROPERTY_UNEXPECTED";
    public const string AuthApiKeyPlacement = "AUTH_API_KEY_PLACEMENT";

    /// <summary>Warning on validate and publish: a secret setting a node needs is not configured on this host.</summary>
    public const string AuthSettingNotConfigured = "AUTH_SETTING_NOT_CONFIGURED";

    /// <summary>A data source or action URL with a user name or password in it: secrets only come through auth settings.</summary>
    public const string UrlUserInfo = "URL_USER_INFO";
}
