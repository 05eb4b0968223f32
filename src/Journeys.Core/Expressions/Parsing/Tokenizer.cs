using System.Globalization;
using System.Text;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Parsing;

/// <summary>Splits expression text into tokens; throws <see cref="SyntaxException"/> at the first bad character.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var index = 0;
        while (true)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            if (index >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, 0));
                return tokens;
            }

            var c = text[index];
            if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref index));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadString(text, ref index));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(ReadIdentifier(text, ref index));
            }
            else
            {
                tokens.Add(ReadPunctuation(text, ref index));
            }
        }
    }

    private static Token ReadNumber(string text, ref int index)
    {
        var start = index;
        SkipDigits(text, ref index);
        if (index + 1 < text.Length && text[index] == '.' && char.IsAsciiDigit(text[index + 1]))
        {
            index++;
            SkipDigits(text, ref index);
        }

        if (index < text.Length && text[index] is 'e' or 'E')
        {
            var exponent = index + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                index = exponent;
                SkipDigits(text, ref index);
            }
        }

        var span = text.AsSpan(start, index - start);
        var number = double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            throw Error(ExpressionErrorCodes.BadLiteral, start, index - start, $"The number {span} is too large.");
        }

        return new Token(TokenKind.Number, start, index - start, Number: number);
    }

    private static void SkipDigits(string text, ref int index)
    {
        while (index < text.Length && char.IsAsciiDigit(text[index]))
        {
            index++;
        }
    }

    private static Token ReadString(string text, ref int index)
    {
        var start = index;
        var quote = text[index++];
        var builder = new StringBuilder();
        while (index < text.Length)
        {
            var c = text[index];
            if (c == quote)
            {
                index++;
                return new Token(TokenKind.String, start, index - start, builder.ToString());
            }

            if (c != '\\')
            {
                builder.Append(c);
                index++;
                continue;
            }

            if (index + 1 >= text.Length)
            {
                break;
            }

            var escape = text[index + 1];
            switch (escape)
            {
                case '\\' or '\'' or '"' or '/':
                    builder.Append(escape);
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'u' when index + 5 < text.Length
                    && ushort.TryParse(text.AsSpan(index + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    index += 4;
                    break;
                default:
                    var length = escape == 'u' ? Math.Min(6, text.Length - index) : 2;
                    throw Error(
                        ExpressionErrorCodes.Syntax,
                        index,
                        length,
                        $"Unknown escape '{text.AsSpan(index, length)}' in a string: use \\\\, \\', \\\", \\n, \\t, \\r, \\b, \\f, \\/ or \\uXXXX.");
            }

            index += 2;
        }

        throw Error(
            ExpressionErrorCodes.UnterminatedString,
            start,
            text.Length - start,
            $"The string starting at {start} is never closed: add the closing {quote}.");
    }

    private static Token ReadIdentifier(string text, ref int index)
    {
        var start = index;
        while (index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] == '_'))
        {
            index++;
        }

        var name = text[start..index];
        var kind = name switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "in" => TokenKind.In,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, start, index - start, name);
    }

    private static Token ReadPunctuation(string text, ref int index)
    {
        var start = index;
        var c = text[index];
        var next = index + 1 < text.Length ? text[index + 1] : '\0';
        var (kind, length) = (c, next) switch
        {
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('.', _) => (TokenKind.Dot, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('?', '?') => (TokenKind.QuestionQuestion, 2),
            ('?', _) => (TokenKind.Question, 1),
            ('!', '=') => (TokenKind.BangEqual, 2),
            ('!', _) => (TokenKind.Bang, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('>', _) => (TokenKind.Greater, 1),
            ('=', '=') => (TokenKind.EqualEqual, 2),
            ('&', '&') => (TokenKind.AndAnd, 2),
            ('|', '|') => (TokenKind.OrOr, 2),
            ('=', _) => throw Error(ExpressionErrorCodes.Syntax, start, 1, "Unexpected '=': compare with '=='."),
            ('&', _) => throw Error(ExpressionErrorCodes.Syntax, start, 1, "Unexpected '&': 'and' is written '&&'."),
            ('|', _) => throw Error(ExpressionErrorCodes.Syntax, start, 1, "Unexpected '|': 'or' is written '||'."),
            _ => throw Error(ExpressionErrorCodes.Syntax, start, char.IsSurrogate(c) && next != '\0' ? 2 : 1, $"Unexpected character '{DescribeCharacter(text, start)}'."),
        };
        index += length;
        return new Token(kind, start, length);
    }

    private static string DescribeCharacter(string text, int index) =>
        char.IsControl(text[index]) ? $"\\u{(int)text[index]:X4}" : text.Substring(index, char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1);

    private static SyntaxException Error(string code, int position, int length, string message) =>
        new(new ExpressionError(code, position, length, message));
}
