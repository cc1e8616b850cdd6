using System.Globalization;
using System.Reflection;
using CsvHelper;
using EventLedger.Common;
using NodaTime;
using NodaTime.Text;

namespace EventLedger.Audit.Inspection;

/// <summary>Rows of an inspection query as CSV: a column per property, nested records flattened (event.actor, ...).</summary>
public static class InspectionCsv
{
    public static string Write<T>(IEnumerable<T> rows)
    {
        var columns = Columns(typeof(T), "").ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(text, new CsvWriterOptions(), true);
        csv.WriteRecord(columns.Select(c => c.Name).ToArray());
        foreach (var row in rows) csv.WriteRecord(columns.Select(c => Format(c.Read(row!))).ToArray());
        csv.Flush();
        return text.ToString();
    }

    private sealed record Column(string Name, Func<object, object?> Read);

    private static IEnumerable<Column> Columns(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = prefix + JsonDefaults.Options.PropertyNamingPolicy!.ConvertName(property.Name);
            if (property.PropertyType == typeof(AuditEvent))
            {
                foreach (var inner in Columns(typeof(AuditEvent), name + "."))
                    yield return new Column(inner.Name, o => property.GetValue(o) is { } nested ? inner.Read(nested) : null);
            }
            else yield return new Column(name, property.GetValue);
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        Instant i => InstantPattern.ExtendedIso.Format(i),
        LocalDate d => LocalDatePattern.Iso.Format(d),
        Money m => m.Dirhams.ToString("0.00", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
