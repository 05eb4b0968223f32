using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>The built-in functions (SPEC §3); there are no others.</summary>
internal enum FunctionKind
{
    Now,
    Duration,
    Date,
    Hour,
    Weekday,
    Lower,
    Upper,
    Trim,
    Contains,
    StartsWith,
    EndsWith,
    Length,
    IsEmpty,
    Exists,
    Coalesce,
    ToNumber,
    ToString,
    Round,
    Abs,
    Min,
    Max,
}
