using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>x.name</c> on a computed value (<c>coalesce(a, b).name</c>); paths from a root use <see cref="PathNode"/>.</summary>
internal sealed class MemberNode(EvalNode target, string name) : EvalNode
{
    public override Value Evaluate(EvaluationContext context) => ValueOperations.Member(target.Evaluate(context), name);
}
