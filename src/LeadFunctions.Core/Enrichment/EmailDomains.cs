using System.Collections.Frozen;
using System.Reflection;

namespace LeadFunctions.Core.Enrichment;

/// <summary>
/// Free-mail and disposable-address domains, from maintained lists shipped as embedded data and read
/// once. A disposable wildcard entry covers its subdomains too.
/// </summary>
public static class EmailDomains
{
    private static readonly Lazy<FrozenSet<string>> Free = new(() => Load("free-email-domains.txt"));
    private static readonly Lazy<FrozenSet<string>> Disposable = new(() => Load("disposable-email-domains.txt"));
    private static readonly Lazy<FrozenSet<string>> DisposableWildcards = new(() =>
        Load("disposable-email-wildcards.txt")
    );

    public static bool IsFreeMail(string domain) => Free.Value.Contains(domain);

    public static bool IsDisposable(string domain)
    {
        if (Disposable.Value.Contains(domain))
        {
            return true;
        }

        // "x.y.mailinator.com" is covered by the wildcard entry "mailinator.com".
        for (var suffix = domain; ; )
        {
            if (DisposableWildcards.Value.Contains(suffix))
            {
                return true;
            }

            var dot = suffix.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                return false;
            }

            suffix = suffix[(dot + 1)..];
        }
    }

    private static FrozenSet<string> Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded list {name} is missing.");
        using var reader = new StreamReader(stream);
        var domains = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                domains.Add(line);
            }
        }

        return domains.ToFrozenSet(StringComparer.Ordinal);
    }
}
