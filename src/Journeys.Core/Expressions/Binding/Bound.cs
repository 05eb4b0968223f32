using Journeys.Core.Expressions;
using Journeys.Core.Expressions.Evaluation;

namespace Journeys.Core.Expressions.Binding;

/// <summary>A bound sub-expression: its executable node, static type, and shape when it is a path with a known shape.</summary>
internal readonly record struct Bound(EvalNode Node, ExprType Type, Shape? Shape = null);
