using System.Runtime.InteropServices;
using System.Text;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>
/// <c>lower(x) == 'gold'</c> (or <c>upper(x) == 'GOLD'</c>, or <c>!=</c>) without allocating the cased string:
/// the literal is ASCII and already in the target case, so for ASCII input the comparison is an ASCII
/// case-insensitive one. Any other input takes the exact path (case the string, then compare).
/// </summary>
internal sealed class CaseInsensitiveEqualsNode(FunctionNode casing, string literal, bool negate) : EvalNode
{
    private readonly byte[] _utf8Literal = Encoding.ASCII.GetBytes(literal);

    public override Value Evaluate(EvaluationContext context)
    {
        var value = casing.Arguments[0].Evaluate(context);
        return Value.From(Matches(value) != negate);
    }

    private bool Matches(in Value value)
    {
        if (value.Kind != ValueKind.String)
        {
            // lower(null) is null, which equals no string; anything else is the function's own type error.
            _ = casing.Function == FunctionKind.Lower ? Functions.Lower(value, casing) : Functions.Upper(value, casing);
            return false;
        }

        if (value.IsJson)
        {
            var raw = JsonMarshal.GetRawUtf8Value(value.Element);
            var content = raw[1..^1];
            if (content.IndexOf((byte)'\\') < 0 && Ascii.IsValid(content))
            {
                return Ascii.EqualsIgnoreCase(content, _utf8Literal);
            }
        }
        else if (Ascii.IsValid(value.AsString()))
        {
            return Ascii.EqualsIgnoreCase(value.AsString(), literal);
        }

        var cased = casing.Function == FunctionKind.Lower ? value.AsString().ToLowerInvariant() : value.AsString().ToUpperInvariant();
        return string.Equals(cased, literal, StringComparison.Ordinal);
    }
}
