using System.Globalization;
using Journeys.Core.Expressions;
using Journeys.Core.Expressions.Evaluation;
using Journeys.Core.Expressions.Parsing;

namespace Journeys.Core.Expressions.Binding;

/// <summary>
/// Type-checks a syntax tree against a scope and turns it into executable nodes: roots are resolved to enums,
/// static paths to UTF-8 steps, constant arguments parsed once. Reports every error it finds; a part in error
/// is typed <see cref="ExprType.Any"/> so that one mistake is not reported again by everything around it.
/// </summary>
internal sealed class Binder
{
    private static readonly Dictionary<string, ExpressionRoot> RootNames = new(StringComparer.Ordinal)
    {
        ["entry"] = ExpressionRoot.Entry,
        ["event"] = ExpressionRoot.Event,
        ["profile"] = ExpressionRoot.Profile,
        ["journey"] = ExpressionRoot.Journey,
        ["events"] = ExpressionRoot.Events,
        ["actions"] = ExpressionRoot.Actions,
        ["data"] = ExpressionRoot.Data,
        ["params"] = ExpressionRoot.Params,
    };

    private readonly string _text;
    private readonly ExpressionScope _scope;

    private Binder(string text, ExpressionScope scope)
    {
        _text = text;
        _scope = scope;
    }

    public List<ExpressionError> Errors { get; } = [];

    public List<DataReference> DataReferences { get; } = [];

    public static (Bound Result, Binder Binder) Bind(string text, SyntaxNode tree, ExpressionScope scope)
    {
        var binder = new Binder(text, scope);
        return (binder.Bind(tree), binder);
    }

    public static string RootName(ExpressionRoot root) => RootNames.First(pair => pair.Value == root).Key;

    private Bound Bind(SyntaxNode syntax) => syntax switch
    {
        LiteralSyntax literal => Constant(literal.Value, syntax),
        ListSyntax list => BindList(list),
        NameSyntax name => BindName(name),
        MemberSyntax member => BindMember(Bind(member.Target), member.Target, member.Name, member.NamePosition, member.Name.Length, syntax),
        IndexSyntax index => BindIndex(index),
        CallSyntax call => BindCall(call),
        UnarySyntax unary => BindUnary(unary),
        BinarySyntax binary => BindBinary(binary),
        ConditionalSyntax conditional => BindConditional(conditional),
        _ => throw new InvalidOperationException($"Unknown syntax node {syntax.GetType().Name}."),
    };

    private Bound Constant(Value value, SyntaxNode syntax) => new(Make(new ConstantNode(value), syntax), TypeOf(value.Kind));

    private static ExprType TypeOf(ValueKind kind) => kind switch
    {
        ValueKind.Null => ExprType.Null,
        ValueKind.Boolean => ExprType.Boolean,
        ValueKind.Number => ExprType.Number,
        ValueKind.String => ExprType.String,
        ValueKind.DateTime => ExprType.DateTime,
        ValueKind.Duration => ExprType.Duration,
        ValueKind.List => ExprType.List,
        _ => ExprType.Object,
    };

    private EvalNode Make(EvalNode node, SyntaxNode syntax)
    {
        node.Source = _text.Substring(syntax.Position, syntax.Length);
        return node;
    }

    /// <summary>What stands in for a part in error: unknown type, so nothing around it is reported again.</summary>
    private Bound Poisoned(SyntaxNode syntax) => new(Make(new ConstantNode(Value.Null), syntax), ExprType.Any, Shape.Open());

    private void Error(string code, int position, int length, string message) =>
        Errors.Add(new ExpressionError(code, position, length, message));

    private void Error(string code, SyntaxNode syntax, string message) => Error(code, syntax.Position, syntax.Length, message);

    private string TextOf(SyntaxNode syntax) => _text.Substring(syntax.Position, syntax.Length);

    private Bound BindList(ListSyntax list)
    {
        var items = new EvalNode[list.Items.Count];
        var allConstant = true;
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Bind(list.Items[i]).Node;
            allConstant &= items[i] is ConstantNode;
        }

        if (allConstant)
        {
            var values = new Value[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                values[i] = ((ConstantNode)items[i]).Value;
            }

            return new Bound(Make(new ConstantNode(Value.FromItems(values)), list), ExprType.List);
        }

        return new Bound(Make(new ListNode(items), list), ExprType.List);
    }

    private Bound BindName(NameSyntax name)
    {
        if (_scope.EventRuleShape is { } eventShape)
        {
            var eventRoot = new Bound(Make(new PathNode(ExpressionRoot.Event, [], false), name), eventShape.Type, eventShape);
            return BindMember(eventRoot, null, name.Name, name.Position, name.Length, name);
        }

        var available = string.Join(", ", _scope.Roots.Select(RootName));
        if (!RootNames.TryGetValue(name.Name, out var root))
        {
            var hint = FunctionSignature.All.ContainsKey(name.Name) ? $" To call the function, write {name.Name}(...)." : string.Empty;
            var suggestion = NameSuggestions.Closest(name.Name, _scope.Roots.Select(RootName));
            var mean = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
            Error(
                ExpressionErrorCodes.UnknownRoot,
                name,
                $"Unknown name '{name.Name}'.{mean} A path starts with one of: {(available.Length == 0 ? "(none here)" : available)}.{hint}");
            return Poisoned(name);
        }

        if (_scope.Find(root) is not { } shape)
        {
            Error(
                ExpressionErrorCodes.UnknownRoot,
                name,
                $"'{name.Name}' is not available in this expression; available here: {(available.Length == 0 ? "none (only literals and functions)" : available)}.");
            return Poisoned(name);
        }

        return new Bound(Make(new PathNode(root, [], false), name), shape.Type, shape);
    }

    /// <summary>
    /// <c>target.name</c> (or <c>target['name']</c>). On a static path the member is checked against the shape
    /// and appended to the path; on a computed value it is read at run time.
    /// </summary>
    private Bound BindMember(Bound target, SyntaxNode? targetSyntax, string name, int namePosition, int nameLength, SyntaxNode syntax)
    {
        if (target.Node is PathNode path && target.Shape is { } shape)
        {
            var pathText = targetSyntax is null ? "the event" : $"'{TextOf(targetSyntax)}'";
            if (LookupMember(shape, name, pathText, namePosition, nameLength) is not { } member)
            {
                return Poisoned(syntax);
            }

            var segments = new PathSegment[path.Segments.Length + 1];
            path.Segments.CopyTo(segments, 0);
            segments[^1] = PathSegment.Member(name);
            NoteDataReference(path.Root, segments);
            var node = new PathNode(path.Root, segments, readsDateTime: member.Type == ExprType.DateTime);
            return new Bound(Make(node, syntax), member.Type, member);
        }

        if (target.Type is not (ExprType.Object or ExprType.Any or ExprType.Null))
        {
            Error(ExpressionErrorCodes.Type, namePosition, nameLength, $"A {Describe(target.Type)} has no field '{name}'.");
            return Poisoned(syntax);
        }

        return new Bound(Make(new MemberNode(target.Node, name), syntax), ExprType.Any);
    }

    private Shape? LookupMember(Shape shape, string name, string pathText, int position, int length)
    {
        if (shape.Type == ExprType.List)
        {
            Error(ExpressionErrorCodes.UnknownField, position, length, $"{pathText} is a list; it has no field '{name}' (read an item with [index]).");
            return null;
        }

        if (!shape.HasMembers)
        {
            Error(ExpressionErrorCodes.UnknownField, position, length, $"{pathText} is a {Describe(shape.Type)}; it has no field '{name}'.");
            return null;
        }

        if (shape.Member(name) is { } member)
        {
            return member;
        }

        var declared = shape.Members.Keys.Order(StringComparer.Ordinal).ToList();
        var message = $"{pathText} has no field '{name}'.";
        var hyphenated = declared.FirstOrDefault(candidate => candidate.StartsWith(name + "-", StringComparison.Ordinal));
        var suggestion = NameSuggestions.Closest(name, declared);
        if (hyphenated is not null)
        {
            message += $" A name with '-' is written with brackets: ['{hyphenated}'].";
        }
        else if (suggestion is not null)
        {
            message += $" Did you mean '{suggestion}'?";
        }

        message += declared.Count == 0
            ? " Nothing is declared there."
            : $" Declared: {string.Join(", ", declared.Take(12))}{(declared.Count > 12 ? ", ..." : string.Empty)}.";
        Error(ExpressionErrorCodes.UnknownField, position, length, message);
        return null;
    }

    /// <summary>Records <c>data.source.group</c> the first time a data path reaches its group.</summary>
    private void NoteDataReference(ExpressionRoot root, PathSegment[] segments)
    {
        if (root != ExpressionRoot.Data || segments.Length != 2 || segments[0].Name is not { } source || segments[1].Name is not { } group)
        {
            return;
        }

        var reference = new DataReference(source, group);
        if (!DataReferences.Contains(reference))
        {
            DataReferences.Add(reference);
        }
    }

    private Bound BindIndex(IndexSyntax syntax)
    {
        var target = Bind(syntax.Target);
        if (syntax.Index is LiteralSyntax { Value.Kind: ValueKind.String } name)
        {
            return BindMember(target, syntax.Target, name.Value.AsString(), name.Position, name.Length, syntax);
        }

        if (target.Node is PathNode path && target.Shape is { } shape && syntax.Index is LiteralSyntax { Value.Kind: ValueKind.Number } literal)
        {
            var number = literal.Value.AsNumber();
            if (number < 0 || number != Math.Floor(number) || number > int.MaxValue)
            {
                Error(ExpressionErrorCodes.Type, literal, $"A list index is a whole number from 0, not {TextOf(literal)}.");
                return Poisoned(syntax);
            }

            if (shape.Type is not (ExprType.List or ExprType.Any))
            {
                Error(ExpressionErrorCodes.Type, literal, $"'{TextOf(syntax.Target)}' is a {Describe(shape.Type)}, not a list: it cannot be indexed with a number.");
                return Poisoned(syntax);
            }

            var segments = new PathSegment[path.Segments.Length + 1];
            path.Segments.CopyTo(segments, 0);
            segments[^1] = PathSegment.Item((int)number);
            return new Bound(Make(new PathNode(path.Root, segments, readsDateTime: false), syntax), ExprType.Any, Shape.Open());
        }

        var index = Bind(syntax.Index);
        if (index.Type is not (ExprType.Number or ExprType.String or ExprType.Any or ExprType.Null))
        {
            Error(ExpressionErrorCodes.Type, syntax.Index, $"An index is a number (list) or a string (object), not a {Describe(index.Type)}.");
        }

        if (target.Type is not (ExprType.List or ExprType.Object or ExprType.Any or ExprType.Null))
        {
            Error(ExpressionErrorCodes.Type, syntax.Target, $"A {Describe(target.Type)} cannot be indexed.");
        }

        return new Bound(Make(new IndexNode(target.Node, index.Node), syntax), ExprType.Any);
    }

    private Bound BindUnary(UnarySyntax syntax)
    {
        var operand = Bind(syntax.Operand);
        if (syntax.Operator == UnaryOperator.Not)
        {
            RequireBoolean(operand, syntax.Operand, "'!'");
            return new Bound(Make(new NotNode(operand.Node), syntax), ExprType.Boolean);
        }

        if (operand.Node is ConstantNode { Value.Kind: ValueKind.Number } constant)
        {
            return Constant(Value.From(-constant.Value.AsNumber()), syntax);
        }

        if (operand.Type is not (ExprType.Number or ExprType.Duration or ExprType.Any or ExprType.Null))
        {
            Error(ExpressionErrorCodes.Type, syntax.Operand, $"'-' negates a number or a duration, not a {Describe(operand.Type)}.");
        }

        var type = operand.Type == ExprType.Null ? ExprType.Null : operand.Type;
        return new Bound(Make(new NegateNode(operand.Node), syntax), type);
    }

    private void RequireBoolean(Bound operand, SyntaxNode syntax, string role)
    {
        if (operand.Type is not (ExprType.Boolean or ExprType.Null or ExprType.Any))
        {
            Error(ExpressionErrorCodes.Type, syntax, $"{role} needs a boolean, but this is a {Describe(operand.Type)}.");
        }
    }

    private Bound BindConditional(ConditionalSyntax syntax)
    {
        var condition = Bind(syntax.Condition);
        RequireBoolean(condition, syntax.Condition, "The condition of '?:'");
        var whenTrue = Bind(syntax.WhenTrue);
        var whenFalse = Bind(syntax.WhenFalse);
        var node = new ConditionalNode(condition.Node, whenTrue.Node, whenFalse.Node);
        return new Bound(Make(node, syntax), Unify(whenTrue.Type, whenFalse.Type));
    }

    /// <summary>The static type of a value that is one of two types.</summary>
    private static ExprType Unify(ExprType a, ExprType b) =>
        a == b ? a : a == ExprType.Null ? b : b == ExprType.Null ? a : ExprType.Any;

    private Bound BindBinary(BinarySyntax syntax)
    {
        var left = Bind(syntax.Left);
        var right = Bind(syntax.Right);
        switch (syntax.Operator)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                var symbol = syntax.Operator == BinaryOperator.And ? "'&&'" : "'||'";
                RequireBoolean(left, syntax.Left, symbol);
                RequireBoolean(right, syntax.Right, symbol);
                return new Bound(Make(new LogicalNode(syntax.Operator == BinaryOperator.And, left.Node, right.Node), syntax), ExprType.Boolean);
            case BinaryOperator.Coalesce:
                var type = left.Type == ExprType.Null ? right.Type : Unify(left.Type, right.Type);
                return new Bound(Make(new CoalesceNode(left.Node, right.Node), syntax), type);
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                return BindEquality(syntax, left, right);
            case BinaryOperator.In:
                return BindIn(syntax, left, right);
            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                return BindComparison(syntax, left, right);
            default:
                return BindArithmetic(syntax, left, right);
        }
    }

    private Bound BindEquality(BinarySyntax syntax, Bound left, Bound right)
    {
        var negate = syntax.Operator == BinaryOperator.NotEqual;
        if (!CanEqual(left.Type, right.Type))
        {
            Error(
                ExpressionErrorCodes.Type,
                syntax.OperatorPosition,
                syntax.OperatorLength,
                $"'{TextOf(syntax)}' compares a {Describe(left.Type)} with a {Describe(right.Type)}: they are never equal.");
        }

        CheckDateLiteral(left, right, syntax.Right);
        CheckDateLiteral(right, left, syntax.Left);

        if ((CaseInsensitiveCandidate(left, right) ?? CaseInsensitiveCandidate(right, left)) is { } candidate)
        {
            return new Bound(Make(new CaseInsensitiveEqualsNode(candidate.Casing, candidate.Literal, negate), syntax), ExprType.Boolean);
        }

        return new Bound(Make(new EqualityNode(negate, left.Node, right.Node), syntax), ExprType.Boolean);
    }

    private static bool CanEqual(ExprType a, ExprType b) =>
        a == b || a is ExprType.Any or ExprType.Null || b is ExprType.Any or ExprType.Null
        || (a, b) is (ExprType.DateTime, ExprType.String) or (ExprType.String, ExprType.DateTime);

    /// <summary>A string constant beside a datetime is read as a datetime: check it once, here.</summary>
    private void CheckDateLiteral(Bound dateSide, Bound other, SyntaxNode otherSyntax)
    {
        if (dateSide.Type == ExprType.DateTime && other.Node is ConstantNode { Value.Kind: ValueKind.String } constant
            && !DateTimeText.TryParse(constant.Value.AsString(), out _))
        {
            Error(ExpressionErrorCodes.BadLiteral, otherSyntax, $"{TextOf(otherSyntax)} is compared with a datetime but is not an ISO-8601 datetime such as 2026-01-01T00:00:00Z.");
        }
    }

    /// <summary><c>lower(x) == 'abc'</c> with an ASCII literal already in that case: compared without allocating.</summary>
    private static (FunctionNode Casing, string Literal)? CaseInsensitiveCandidate(Bound call, Bound literal)
    {
        if (call.Node is not FunctionNode { Function: FunctionKind.Lower or FunctionKind.Upper } casing
            || literal.Node is not ConstantNode { Value.Kind: ValueKind.String } constant)
        {
            return null;
        }

        var text = constant.Value.AsString();
        var cased = casing.Function == FunctionKind.Lower ? text.ToLowerInvariant() : text.ToUpperInvariant();
        return System.Text.Ascii.IsValid(text) && string.Equals(text, cased, StringComparison.Ordinal) ? (casing, text) : null;
    }

    private Bound BindIn(BinarySyntax syntax, Bound left, Bound right)
    {
        switch (right.Type)
        {
            case ExprType.String when left.Type is not (ExprType.String or ExprType.Any or ExprType.Null):
                Error(ExpressionErrorCodes.Type, syntax.Left, $"'in' with a string on the right looks for a substring; this is a {Describe(left.Type)}.");
                break;
            case ExprType.List or ExprType.String or ExprType.Any or ExprType.Null:
                break;
            default:
                Error(ExpressionErrorCodes.Type, syntax.Right, $"'in' looks in a list or a string, not in a {Describe(right.Type)}.");
                break;
        }

        return new Bound(Make(new InNode(left.Node, right.Node), syntax), ExprType.Boolean);
    }

    private Bound BindComparison(BinarySyntax syntax, Bound left, Bound right)
    {
        static bool Orderable(ExprType type) => type is ExprType.Number or ExprType.String or ExprType.DateTime or ExprType.Duration
            or ExprType.Any or ExprType.Null;

        var symbol = _text.Substring(syntax.OperatorPosition, syntax.OperatorLength);
        if (!Orderable(left.Type))
        {
            Error(ExpressionErrorCodes.Type, syntax.Left, $"'{symbol}' orders numbers, strings, datetimes or durations, not a {Describe(left.Type)}.");
        }
        else if (!Orderable(right.Type))
        {
            Error(ExpressionErrorCodes.Type, syntax.Right, $"'{symbol}' orders numbers, strings, datetimes or durations, not a {Describe(right.Type)}.");
        }
        else if (!CanEqual(left.Type, right.Type))
        {
            Error(
                ExpressionErrorCodes.Type,
                syntax.OperatorPosition,
                syntax.OperatorLength,
                $"'{symbol}' cannot order a {Describe(left.Type)} against a {Describe(right.Type)}.");
        }

        CheckDateLiteral(left, right, syntax.Right);
        CheckDateLiteral(right, left, syntax.Left);
        var op = syntax.Operator switch
        {
            BinaryOperator.Less => CompareOperator.Less,
            BinaryOperator.LessOrEqual => CompareOperator.LessOrEqual,
            BinaryOperator.Greater => CompareOperator.Greater,
            _ => CompareOperator.GreaterOrEqual,
        };
        return new Bound(Make(new CompareNode(op, left.Node, right.Node), syntax), ExprType.Boolean);
    }

    private Bound BindArithmetic(BinarySyntax syntax, Bound left, Bound right)
    {
        var op = syntax.Operator switch
        {
            BinaryOperator.Add => ArithmeticOperator.Add,
            BinaryOperator.Subtract => ArithmeticOperator.Subtract,
            BinaryOperator.Multiply => ArithmeticOperator.Multiply,
            BinaryOperator.Divide => ArithmeticOperator.Divide,
            _ => ArithmeticOperator.Modulo,
        };
        var symbol = _text.Substring(syntax.OperatorPosition, syntax.OperatorLength);
        var readsDateTime = op is ArithmeticOperator.Add or ArithmeticOperator.Subtract
            && (left.Type, right.Type) is (ExprType.Any, ExprType.Duration) or (ExprType.Duration, ExprType.Any);
        var node = Make(new ArithmeticNode(op, left.Node, right.Node, readsDateTime), syntax);
        if (!CanTakePart(op, left.Type))
        {
            Error(ExpressionErrorCodes.Type, syntax.Left, $"'{symbol}' cannot take a {Describe(left.Type)}.");
            return new Bound(node, ExprType.Any);
        }

        if (!CanTakePart(op, right.Type))
        {
            Error(ExpressionErrorCodes.Type, syntax.Right, $"'{symbol}' cannot take a {Describe(right.Type)}.");
            return new Bound(node, ExprType.Any);
        }

        if (left.Type == ExprType.Null || right.Type == ExprType.Null)
        {
            return new Bound(node, ExprType.Null);
        }

        if (left.Type == ExprType.Any || right.Type == ExprType.Any)
        {
            // Whatever the unknown side turns out to be, a string on the other side of '+' makes text.
            var known = left.Type == ExprType.Any ? right.Type : left.Type;
            return new Bound(node, op == ArithmeticOperator.Add && known == ExprType.String ? ExprType.String : ExprType.Any);
        }

        var result = ResultOf(op, left.Type, right.Type);
        if (result is null)
        {
            Error(
                ExpressionErrorCodes.Type,
                syntax.OperatorPosition,
                syntax.OperatorLength,
                $"'{symbol}' cannot combine a {Describe(left.Type)} and a {Describe(right.Type)}.");
            return new Bound(node, ExprType.Any);
        }

        if (op is ArithmeticOperator.Subtract && (left.Type, right.Type) is (ExprType.DateTime, ExprType.String) or (ExprType.String, ExprType.DateTime))
        {
            CheckDateLiteral(left, right, syntax.Right);
            CheckDateLiteral(right, left, syntax.Left);
        }

        return new Bound(node, result.Value);
    }

    /// <summary>Whether a value of <paramref name="type"/> can ever be an operand of <paramref name="op"/>.</summary>
    private static bool CanTakePart(ArithmeticOperator op, ExprType type) => type switch
    {
        ExprType.Any or ExprType.Null or ExprType.Number => true,
        ExprType.String => op is ArithmeticOperator.Add or ArithmeticOperator.Subtract,
        ExprType.Boolean => op == ArithmeticOperator.Add,
        ExprType.DateTime => op is ArithmeticOperator.Add or ArithmeticOperator.Subtract,
        ExprType.Duration => op != ArithmeticOperator.Modulo,
        _ => false,
    };

    private static ExprType? ResultOf(ArithmeticOperator op, ExprType left, ExprType right) => (op, left, right) switch
    {
        (_, ExprType.Number, ExprType.Number) => ExprType.Number,
        (ArithmeticOperator.Add, ExprType.String, _) or (ArithmeticOperator.Add, _, ExprType.String) => ExprType.String,
        (ArithmeticOperator.Add, ExprType.DateTime, ExprType.Duration) or (ArithmeticOperator.Add, ExprType.Duration, ExprType.DateTime) => ExprType.DateTime,
        (ArithmeticOperator.Add or ArithmeticOperator.Subtract, ExprType.Duration, ExprType.Duration) => ExprType.Duration,
        (ArithmeticOperator.Subtract, ExprType.DateTime, ExprType.Duration) => ExprType.DateTime,
        (ArithmeticOperator.Subtract, ExprType.DateTime, ExprType.DateTime or ExprType.String)
            or (ArithmeticOperator.Subtract, ExprType.String, ExprType.DateTime) => ExprType.Duration,
        (ArithmeticOperator.Multiply, ExprType.Duration, ExprType.Number) or (ArithmeticOperator.Multiply, ExprType.Number, ExprType.Duration) => ExprType.Duration,
        (ArithmeticOperator.Divide, ExprType.Duration, ExprType.Number) => ExprType.Duration,
        (ArithmeticOperator.Divide, ExprType.Duration, ExprType.Duration) => ExprType.Number,
        _ => null,
    };

    private Bound BindCall(CallSyntax call)
    {
        if (!FunctionSignature.All.TryGetValue(call.Name, out var signature))
        {
            var suggestion = NameSuggestions.Closest(call.Name, FunctionSignature.All.Keys);
            Error(
                ExpressionErrorCodes.UnknownFunction,
                call.Position,
                call.Name.Length,
                $"Unknown function '{call.Name}'.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
            foreach (var argument in call.Arguments)
            {
                Bind(argument);
            }

            return Poisoned(call);
        }

        var arguments = new Bound[call.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Bind(call.Arguments[i]);
        }

        if (arguments.Length < signature.MinArguments || arguments.Length > signature.MaxArguments)
        {
            Error(
                ExpressionErrorCodes.Arity,
                call,
                $"{signature.Name} takes {signature.DescribeArity()}, but {arguments.Length} {(arguments.Length == 1 ? "was" : "were")} given.");
            return Poisoned(call);
        }

        return new FunctionBinder(this, call, signature, arguments).Bind();
    }

    /// <summary>Checks one function call's arguments and folds constant ones; kept apart as the longest part of binding.</summary>
    private sealed class FunctionBinder(Binder binder, CallSyntax call, FunctionSignature signature, Bound[] arguments)
    {
        public Bound Bind()
        {
            var result = signature.Result;
            switch (signature.Kind)
            {
                case FunctionKind.Duration:
                    Require(0, ExprType.String, ExprType.Duration);
                    if (ConstantString(0) is { } durationText)
                    {
                        return IsoDuration.TryParse(durationText, out var duration)
                            ? binder.Constant(Value.From(duration), call)
                            : BadLiteral(0, $"'{durationText}' is not an ISO-8601 duration such as PT1H, P3D, P1DT12H or PT0.5S (years and months are not allowed).");
                    }

                    break;
                case FunctionKind.Date:
                    Require(0, ExprType.String, ExprType.DateTime);
                    if (ConstantString(0) is { } dateText)
                    {
                        return DateTimeText.TryParse(dateText, out var ticks)
                            ? binder.Constant(Value.From(new DateTimeOffset(ticks, TimeSpan.Zero)), call)
                            : BadLiteral(0, $"'{dateText}' is not an ISO-8601 datetime such as 2026-01-01T00:00:00Z.");
                    }

                    break;
                case FunctionKind.Hour or FunctionKind.Weekday:
                    Require(0, ExprType.DateTime, ExprType.String);
                    if (ConstantString(0) is { } timeText && !DateTimeText.TryParse(timeText, out _))
                    {
                        return BadLiteral(0, $"'{timeText}' is not an ISO-8601 datetime.");
                    }

                    if (arguments.Length > 1)
                    {
                        Require(1, ExprType.String);
                        if (ConstantString(1) is { } zone && TimeZones.Find(zone) is null)
                        {
                            return BadLiteral(1, $"'{zone}' is not a known IANA time zone such as Europe/Paris or UTC.");
                        }
                    }

                    break;
                case FunctionKind.Lower or FunctionKind.Upper or FunctionKind.Trim:
                    Require(0, ExprType.String);
                    break;
                case FunctionKind.Contains:
                    Require(0, ExprType.String, ExprType.List);
                    if (arguments[0].Type == ExprType.String)
                    {
                        Require(1, ExprType.String);
                    }

                    break;
                case FunctionKind.StartsWith or FunctionKind.EndsWith:
                    Require(0, ExprType.String);
                    Require(1, ExprType.String);
                    break;
                case FunctionKind.Length:
                    Require(0, ExprType.String, ExprType.List);
                    break;
                case FunctionKind.Exists:
                    if (arguments[0].Node is not (PathNode or MemberNode or IndexNode) && arguments[0].Type != ExprType.Any)
                    {
                        binder.Error(ExpressionErrorCodes.Type, call.Arguments[0], "exists takes a path, such as exists(entry.cart.id).");
                    }

                    break;
                case FunctionKind.Coalesce:
                    result = arguments.Aggregate(ExprType.Null, (type, argument) => Unify(type, argument.Type));
                    break;
                case FunctionKind.ToNumber:
                    Require(0, ExprType.String, ExprType.Number, ExprType.Boolean, ExprType.Duration);
                    break;
                case FunctionKind.Round:
                    Require(0, ExprType.Number);
                    if (arguments.Length > 1)
                    {
                        Require(1, ExprType.Number);
                        if (arguments[1].Node is ConstantNode { Value.Kind: ValueKind.Number } digits
                            && (digits.Value.AsNumber() is < 0 or > Functions.MaxRoundDigits || digits.Value.AsNumber() != Math.Floor(digits.Value.AsNumber())))
                        {
                            return BadLiteral(1, $"round takes a whole number of digits from 0 to {Functions.MaxRoundDigits}.");
                        }
                    }

                    break;
                case FunctionKind.Abs:
                    Require(0, ExprType.Number);
                    break;
                case FunctionKind.Min or FunctionKind.Max:
                    if (arguments.Length == 1)
                    {
                        if (arguments[0].Type is not (ExprType.List or ExprType.Any or ExprType.Null))
                        {
                            binder.Error(
                                ExpressionErrorCodes.Type,
                                call.Arguments[0],
                                $"{signature.Name} takes two or more numbers, or one list of numbers; this is a {Describe(arguments[0].Type)}.");
                        }
                    }
                    else
                    {
                        for (var i = 0; i < arguments.Length; i++)
                        {
                            Require(i, ExprType.Number);
                        }
                    }

                    break;
            }

            var nodes = new EvalNode[arguments.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = arguments[i].Node;
            }

            return new Bound(binder.Make(new FunctionNode(signature.Kind, nodes), call), result);
        }

        private void Require(int index, params ReadOnlySpan<ExprType> allowed)
        {
            var type = arguments[index].Type;
            if (type is ExprType.Any or ExprType.Null || allowed.Contains(type))
            {
                return;
            }

            var names = new List<string>();
            foreach (var allowedType in allowed)
            {
                names.Add(Describe(allowedType));
            }

            binder.Error(
                ExpressionErrorCodes.Type,
                call.Arguments[index],
                $"Argument {index + 1} of {signature.Name} must be a {string.Join(" or a ", names)}, but this is a {Describe(type)}.");
        }

        private string? ConstantString(int index) =>
            arguments[index].Node is ConstantNode { Value.Kind: ValueKind.String } constant ? constant.Value.AsString() : null;

        private Bound BadLiteral(int index, string message)
        {
            binder.Error(ExpressionErrorCodes.BadLiteral, call.Arguments[index], message);
            return new Bound(binder.Make(new ConstantNode(Value.Null), call), signature.Result);
        }
    }

    /// <summary>How messages name a static type.</summary>
    public static string Describe(ExprType type) => type switch
    {
        ExprType.Any => "value of unknown type",
        ExprType.Null => "null",
        ExprType.DateTime => "datetime",
        ExprType.List => "list",
        ExprType.Object => "object",
        _ => type.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
