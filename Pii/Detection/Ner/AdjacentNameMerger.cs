namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Joins PERSON results that only a single space separates ("Heather" + "Horvatinčić"): the model sometimes breaks a
/// name at an unfamiliar surname, or finds only the surname while the gazetteer finds the known first name. The joined
/// result keeps the higher score and the left result's recognizer. A user name (<c>@name</c>) is never joined to its
/// neighbour.
/// </summary>
public static class AdjacentNameMerger
{
    /// <summary>Merges in place; the order of <paramref name="results"/> is not kept (the overlap resolver sorts).</summary>
    public static void Merge(string text, List<RecognizerResult> results)
    {
        var persons = 0;
        foreach (var r in results)
        {
            persons += r.EntityType == "PERSON" ? 1 : 0;
        }

        if (persons < 2)
        {
            return;
        }

        results.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        for (var i = results.Count - 2; i >= 0; i--)
        {
            var left = results[i];
            if (left.EntityType != "PERSON")
            {
                continue;
            }

            // The next result that starts right after the separating space.
            for (var j = i + 1; j < results.Count && results[j].Start <= left.End + 1; j++)
            {
                var right = results[j];
                // User names are one person each: "@StevieBoylan @mikekus" stays two (BTC labels every handle alone).
                if (right.EntityType == "PERSON" && right.Start == left.End + 1 && text[left.End] == ' '
                    && text[left.Start] != '@' && text[right.Start] != '@')
                {
                    results[i] = left with { End = right.End, Score = Math.Max(left.Score, right.Score) };
                    results.RemoveAt(j);
                    break;
                }
            }
        }
    }
}
