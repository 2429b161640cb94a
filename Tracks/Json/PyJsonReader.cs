using System.Text;

namespace PiiOrleans.Tracks.Json;

/// <summary>
/// Parses one JSON text the way Python's <c>json.loads</c> does: NaN/Infinity accepted, duplicate keys keep the
/// first position with the last value, numbers kept as text so integers keep arbitrary precision.
/// Values are <see cref="PyJsonObject"/>, <see cref="List{T}"/> of object?, string, <see cref="PyJsonNumber"/>, bool or null.
/// </summary>
internal ref struct PyJsonReader
{
    private const int MaxDepth = 512;
    private readonly ReadOnlySpan<char> _s;
    private int _pos;
    private int _depth;

    private PyJsonReader(ReadOnlySpan<char> s)
    {
        _s = s;
        _pos = 0;
        _depth = 0;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="PyJsonException"/> on invalid JSON.</summary>
    public static object? Parse(ReadOnlySpan<char> text)
    {
        var reader = new PyJsonReader(text);
        reader.SkipWhitespace();
        object? value = reader.ReadValue();
        reader.SkipWhitespace();
        if (reader._pos != text.Length)
        {
            throw reader.Error("Extra data", reader._pos);
        }

        return value;
    }

    /// <summary>True when <paramref name="text"/> parses as JSON.</summary>
    public static bool IsJson(ReadOnlySpan<char> text)
    {
        try
        {
            Parse(text);
            return true;
        }
        catch (PyJsonException)
        {
            return false;
        }
    }

    private object? ReadValue()
    {
        if (_pos >= _s.Length)
        {
            throw Error("Expecting value", _pos);
        }

        char c = _s[_pos];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                return ReadString();
            case 't' when Matches("true"):
                _pos += 4;
                return true;
            case 'f' when Matches("false"):
                _pos += 5;
                return false;
            case 'n' when Matches("null"):
                _pos += 4;
                return null;
            case 'N' when Matches("NaN"):
                _pos += 3;
                return new PyJsonNumber("NaN", true);
            case 'I' when Matches("Infinity"):
                _pos += 8;
                return new PyJsonNumber("Infinity", true);
            case '-' when Matches("-Infinity"):
                _pos += 9;
                return new PyJsonNumber("-Infinity", true);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Error("Expecting value", _pos);
        }
    }

    private bool Matches(string word) => _s[_pos..].StartsWith(word, StringComparison.Ordinal);

    private PyJsonObject ReadObject()
    {
        Enter();
        _pos++;
        var obj = new PyJsonObject();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            _depth--;
            return obj;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("Expecting property name enclosed in double quotes", _pos);
            }

            string key = ReadString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("Expecting ':' delimiter", _pos);
            }

            _pos++;
            SkipWhitespace();
            object? value = ReadValue();
            obj.Set(key, value);
            SkipWhitespace();
            char c = Peek();
            if (c == ',')
            {
                _pos++;
                continue;
            }

            if (c == '}')
            {
                _pos++;
                _depth--;
                return obj;
            }

            throw Error("Expecting ',' delimiter", _pos);
        }
    }

    private List<object?> ReadArray()
    {
        Enter();
        _pos++;
        var list = new List<object?>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            _depth--;
            return list;
        }

        while (true)
        {
            SkipWhitespace();
            list.Add(ReadValue());
            SkipWhitespace();
            char c = Peek();
            if (c == ',')
            {
                _pos++;
                continue;
            }

            if (c == ']')
            {
                _pos++;
                _depth--;
                return list;
            }

            throw Error("Expecting ',' delimiter", _pos);
        }
    }

    private string ReadString()
    {
        int start = ++_pos;
        // Fast path: no escapes.
        int i = start;
        while (i < _s.Length)
        {
            char c = _s[i];
            if (c == '"')
            {
                _pos = i + 1;
                return new string(_s[start..i]);
            }

            if (c == '\\' || c < ' ')
            {
                break;
            }

            i++;
        }

        var sb = new StringBuilder();
        sb.Append(_s[start..i]);
        while (true)
        {
            if (i >= _s.Length)
            {
                throw Error("Unterminated string starting at", start - 1);
            }

            char c = _s[i];
            if (c == '"')
            {
                _pos = i + 1;
                return sb.ToString();
            }

            if (c < ' ')
            {
                throw Error("Invalid control character at", i);
            }

            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= _s.Length)
            {
                throw Error("Unterminated string starting at", start - 1);
            }

            char e = _s[i + 1];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (i + 6 > _s.Length || !ushort.TryParse(_s.Slice(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out ushort code))
                    {
                        throw Error("Invalid \\uXXXX escape", i);
                    }

                    sb.Append((char)code);
                    i += 6;
                    continue;
                default:
                    throw Error("Invalid \\escape", i);
            }

            i += 2;
        }
    }

    private PyJsonNumber ReadNumber()
    {
        int start = _pos;
        bool isFloat = false;
        if (_s[_pos] == '-')
        {
            _pos++;
        }

        if (_pos >= _s.Length || !char.IsAsciiDigit(_s[_pos]))
        {
            throw Error("Expecting value", start);
        }

        if (_s[_pos] == '0')
        {
            _pos++;
        }
        else
        {
            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
            {
                _pos++;
            }
        }

        if (_pos + 1 < _s.Length && _s[_pos] == '.' && char.IsAsciiDigit(_s[_pos + 1]))
        {
            isFloat = true;
            _pos++;
            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < _s.Length && (_s[_pos] == 'e' || _s[_pos] == 'E'))
        {
            int p = _pos + 1;
            if (p < _s.Length && (_s[p] == '+' || _s[p] == '-'))
            {
                p++;
            }

            if (p < _s.Length && char.IsAsciiDigit(_s[p]))
            {
                isFloat = true;
                while (p < _s.Length && char.IsAsciiDigit(_s[p]))
                {
                    p++;
                }

                _pos = p;
            }
        }

        return new PyJsonNumber(new string(_s[start.._pos]), isFloat);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error("Nesting too deep", _pos);
        }
    }

    private char Peek() => _pos < _s.Length ? _s[_pos] : '\0';

    private void SkipWhitespace()
    {
        while (_pos < _s.Length)
        {
            char c = _s[_pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }
            else
            {
                break;
            }
        }
    }

    private readonly PyJsonException Error(string what, int at) =>
        new($"{what}: line 1 column {at + 1} (char {at})");
}
