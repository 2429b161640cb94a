namespace PiiOrleans.Pii.Detection.Validation;

/// <summary>The Luhn (mod 10) check used by payment card numbers; non-digits are skipped.</summary>
public static class Luhn
{
    /// <summary>True when the digits of <paramref name="value"/> pass the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        int sum = 0, count = 0;
        bool doubleIt = false;
        for (int i = value.Length - 1; i >= 0; i--)
        {
            int d = value[i] - '0';
            if ((uint)d > 9) continue;
            if (doubleIt) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            doubleIt = !doubleIt;
            count++;
        }
        return count > 0 && sum % 10 == 0;
    }
}
