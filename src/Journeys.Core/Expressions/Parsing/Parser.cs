using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Parsing;

/// <summary>
/// Recursive-descent parser with precedence climbing for binary operators. Stops at the first syntax error
/// (later errors in broken text would mostly be noise) and reports it with its exact span.
/// </summary>
internal sealed class Parser
{
    /// <summary>Longest expression text accepted.</summary>
    public const int MaxLength = 4096;

    /// <summary>Deepest nesting accepted (parentheses, lists, calls, unary operators, conditionals).</summary>
    public const int MaxDepth = 64;

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _index;
    /// <summary>Nesting of the sub-expression being parsed; the whole expression is level 0.</summary>
    private int _depth = -1;

    private Parser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    private Token Current => _tokens[_index];

    /// <summary>Parses <paramref name="text"/>; returns the tree, or null and the error.</summary>
    public static (SyntaxNode? Tree, ExpressionError? Error) Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            return (null, new ExpressionError(
                ExpressionErrorCodes.TooLong,
                MaxLength,
                text.Length - MaxLength,
                $"The expression is {text.Length} characters long; the limit is {MaxLength}."));
        }

        try
        {
            var parser = new Parser(text, Tokenizer.Tokenize(text));
            if (parser.Current.Kind == TokenKind.End)
            {
                throw Error(parser.Current, "The expression is empty.");
            }

            var tree = parser.ParseConditional();
            if (parser.Current.Kind != TokenKind.End)
            {
                throw parser.Unexpected("an operator or the end of the expression");
            }

            return (tree, null);
        }
        catch (SyntaxException exception)
        {
            return (null, exception.Error);
        }
    }

    private SyntaxNode ParseConditional()
    {
        // The token that opened this sub-expression ('(', '[', ',', '?', ...) is where too deep a nesting shows.
        Enter(_tokens[Math.Max(0, _index - 1)]);
        var condition = ParseBinary(1);
        if (Current.Kind != TokenKind.Question)
        {
            _depth--;
            return condition;
        }

        Advance();
        var whenTrue = ParseConditional();
        Expect(TokenKind.Colon, "':' (the 'else' part of 'condition ? a : b')");
        var whenFalse = ParseConditional();
        _depth--;
        return new ConditionalSyntax(condition.Position, whenFalse.End - condition.Position, condition, whenTrue, whenFalse);
    }

    /// <summary>Precedence climbing: parses operators binding at least as tightly as <paramref name="minimumPrecedence"/>.</summary>
    private SyntaxNode ParseBinary(int minimumPrecedence)
    {
        var left = ParseUnary();
        while (true)
        {
            var token = Current;
            var (precedence, op) = BinaryInfo(token.Kind);
            if (precedence < minimumPrecedence)
            {
                return left;
            }

            Advance();
            var right = ParseBinary(precedence + 1);
            left = new BinarySyntax(left.Position, right.End - left.Position, op, left, right, token.Position, token.Length);
        }
    }

    /// <summary>Binary operators, loosest first; 0 means "not a binary operator".</summary>
    private static (int Precedence, BinaryOperator Operator) BinaryInfo(TokenKind kind) => kind switch
    {
        TokenKind.QuestionQuestion => (1, BinaryOperator.Coalesce),
        TokenKind.OrOr => (2, BinaryOperator.Or),
        TokenKind.AndAnd => (3, BinaryOperator.And),
        TokenKind.In => (4, BinaryOperator.In),
        TokenKind.EqualEqual => (5, BinaryOperator.Equal),
        TokenKind.BangEqual => (5, BinaryOperator.NotEqual),
        TokenKind.Less => (6, BinaryOperator.Less),
        TokenKind.LessEqual => (6, BinaryOperator.LessOrEqual),
        TokenKind.Greater => (6, BinaryOperator.Greater),
        TokenKind.GreaterEqual => (6, BinaryOperator.GreaterOrEqual),
        TokenKind.Plus => (7, BinaryOperator.Add),
        TokenKind.Minus => (7, BinaryOperator.Subtract),
        TokenKind.Star => (8, BinaryOperator.Multiply),
        TokenKind.Slash => (8, BinaryOperator.Divide),
        TokenKind.Percent => (8, BinaryOperator.Modulo),
        _ => (0, default),
    };

    private SyntaxNode ParseUnary()
    {
        var token = Current;
        if (token.Kind is TokenKind.Bang or TokenKind.Minus)
        {
            Enter(token);
            Advance();
            var operand = ParseUnary();
            _depth--;
            var op = token.Kind == TokenKind.Bang ? UnaryOperator.Not : UnaryOperator.Negate;
            return new UnarySyntax(token.Position, operand.End - token.Position, op, operand);
        }

        return ParsePostfix(ParsePrimary());
    }

    private SyntaxNode ParsePostfix(SyntaxNode target)
    {
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    var name = Current;
                    if (name.Kind is not (TokenKind.Identifier or TokenKind.True or TokenKind.False or TokenKind.Null or TokenKind.In))
                    {
                        throw Unexpected("a field name after '.' (names that are not plain identifiers are written ['name'])");
                    }

                    Advance();
                    target = new MemberSyntax(target.Position, name.Position + name.Length - target.Position, target, name.Text!, name.Position);
                    break;
                case TokenKind.LeftBracket:
                    Advance();
                    var index = ParseConditional();
                    var close = Expect(TokenKind.RightBracket, "']'");
                    target = new IndexSyntax(target.Position, close.Position + 1 - target.Position, target, index);
                    break;
                case TokenKind.LeftParen:
                    throw Error(Current, "Only functions can be called, and a function name stands alone (lower(x), not x.lower()).");
                default:
                    return target;
            }
        }
    }

    private SyntaxNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralSyntax(token.Position, token.Length, Value.From(token.Number));
            case TokenKind.String:
                Advance();
                return new LiteralSyntax(token.Position, token.Length, Value.From(token.Text));
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralSyntax(token.Position, token.Length, Value.From(token.Kind == TokenKind.True));
            case TokenKind.Null:
                Advance();
                return new LiteralSyntax(token.Position, token.Length, Value.Null);
            case TokenKind.Identifier:
                Advance();
                return Current.Kind == TokenKind.LeftParen
                    ? ParseCall(token)
                    : new NameSyntax(token.Position, token.Length, token.Text!);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseConditional();
                Expect(TokenKind.RightParen, "')'");

                // The parentheses are not part of the inner node's span: errors point at the operand itself.
                return inner;
            case TokenKind.LeftBracket:
                return ParseList();
            default:
                throw Unexpected("a value, a path, a function call, '(' or '['");
        }
    }

    private CallSyntax ParseCall(Token name)
    {
        Advance();
        var arguments = new List<SyntaxNode>();
        if (Current.Kind != TokenKind.RightParen)
        {
            arguments.Add(ParseConditional());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseConditional());
            }
        }

        var close = Expect(TokenKind.RightParen, arguments.Count == 0 ? "')'" : "',' or ')'");
        return new CallSyntax(name.Position, close.Position + 1 - name.Position, name.Text!, arguments);
    }

    private ListSyntax ParseList()
    {
        var open = Current;
        Advance();
        var items = new List<SyntaxNode>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            items.Add(ParseConditional());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                items.Add(ParseConditional());
            }
        }

        var close = Expect(TokenKind.RightBracket, items.Count == 0 ? "']'" : "',' or ']'");
        return new ListSyntax(open.Position, close.Position + 1 - open.Position, items);
    }

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth)
        {
            throw new SyntaxException(new ExpressionError(
                ExpressionErrorCodes.TooDeep,
                at.Position,
                at.Length,
                $"The expression is nested more than {MaxDepth} levels deep."));
        }
    }

    private void Advance()
    {
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }
    }

    private Token Expect(TokenKind kind, string what)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw Unexpected(what);
        }

        Advance();
        return token;
    }

    private SyntaxException Unexpected(string expected)
    {
        var token = Current;
        var found = token.Kind == TokenKind.End ? "the end of the expression" : $"'{_text.Substring(token.Position, token.Length)}'";
        // The position travels in the error itself; whoever shows the message prefixes it (once, counted from one).
        return Error(token, $"Expected {expected} but found {found}.");
    }

    private static SyntaxException Error(Token token, string message) =>
        new(new ExpressionError(ExpressionErrorCodes.Syntax, token.Position, token.Length, message));
}
