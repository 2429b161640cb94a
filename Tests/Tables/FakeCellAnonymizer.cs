using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>
/// A deliberately simple stand-in for the PII engine, so the SQLite side is tested on its own: columns named like
/// e-mail are whole-cell EMAIL_ADDRESS (kept to the first letter, which collides on purpose), free text gets e-mail
/// spans replaced with &lt;EMAIL&gt;; <see cref="LeaveInClear"/> makes it fail open to exercise the privacy check.
/// </summary>
internal sealed partial class FakeCellAnonymizer : ITableCellAnonymizer
{
    public bool LeaveInClear { get; init; }

    /// <summary>Claims the (non-injective) e-mail mask is injective, to exercise the collision safety net.</summary>
    public bool ClaimInjective { get; init; }

    public bool IsInjective(ColumnPlan column) => ClaimInjective || column.Treatment == ColumnTreatment.PassThrough;

    public ColumnPlan PlanColumn(string table, int ordinal, ColumnShape column, IReadOnlyList<string> sample) =>
        column.Name.Contains("mail", StringComparison.OrdinalIgnoreCase)
            ? new ColumnPlan(ordinal, column.Name, column.DeclaredType, ColumnTreatment.WholeCell, "EMAIL_ADDRESS", 0.9, false)
            : new ColumnPlan(ordinal, column.Name, column.DeclaredType, ColumnTreatment.FreeText, null, 0, false);

    public CellOutcome Anonymize(string text, ColumnPlan column)
    {
        if (LeaveInClear)
        {
            return CellOutcome.Unchanged(text);
        }

        if (column.Treatment == ColumnTreatment.WholeCell)
        {
            var replacement = column.CollisionFree
                ? "EMAIL_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12]
                : text[..1] + new string('*', text.Length - 1);
            return new CellOutcome(replacement, true, ["EMAIL_ADDRESS"]);
        }

        var matches = Email().Matches(text);
        return matches.Count == 0
            ? CellOutcome.Unchanged(text)
            : new CellOutcome(Email().Replace(text, "<EMAIL>"), true, [.. matches.Select(_ => "EMAIL_ADDRESS")]);
    }

    public void FindLeaks(string text, string columnName, ICollection<string> leaks)
    {
        if (Email().IsMatch(text))
        {
            leaks.Add("EMAIL_ADDRESS");
        }
    }

    [GeneratedRegex(@"[\w.]+@[\w]+\.[a-z]{2,}", RegexOptions.None, 1000)]
    private static partial Regex Email();
}
