using System.Text.Json;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>
/// A path with static steps from a root (<c>entry.cart.total</c>, <c>a['odd key']</c>, <c>list[0]</c>), resolved
/// to a root enum and UTF-8 names at compile time. A missing step yields null. When the declared type is
/// datetime, an ISO-8601 string is read as a datetime.
/// </summary>
internal sealed class PathNode(ExpressionRoot root, PathSegment[] segments, bool readsDateTime) : EvalNode
{
    public ExpressionRoot Root { get; } = root;

    public PathSegment[] Segments { get; } = segments;

    public bool ReadsDateTime { get; } = readsDateTime;

    public override Value Evaluate(EvaluationContext context)
    {
        var element = Resolve(context);
        if (ReadsDateTime && element.ValueKind == JsonValueKind.String)
        {
            return DateTimeText.TryParse(element, out var ticks)
                ? Value.From(new DateTimeOffset(ticks, TimeSpan.Zero))
                : throw Fail(ExpressionErrorCodes.BadDate, $"the datetime field holds '{element.GetString()}', which is not an ISO-8601 datetime.");
        }

        return Value.FromJson(element);
    }

    /// <summary>The JSON element under the path; <see cref="JsonValueKind.Undefined"/> when any step is missing.</summary>
    public JsonElement Resolve(EvaluationContext context)
    {
        var element = context.Get(Root);
        foreach (var segment in Segments)
        {
            if (segment.Utf8Name is { } name)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return default;
                }
            }
            else
            {
                if (element.ValueKind != JsonValueKind.Array || segment.Index >= element.GetArrayLength())
                {
                    return default;
                }

                element = element[segment.Index];
            }
        }

        return element;
    }
}
