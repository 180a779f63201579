using System.Diagnostics;
using System.Text.Json;
using LeadFunctions.Demo;

// ./run.sh --demo runs this once the host is up. By hand: dotnet LeadFunctions.Demo.dll [--url URL] [--settings
// local.settings.json] The function key and the generic webhook's secret are the host's own, read from the settings
// file it runs with.
var url = Argument("--url") ?? "http://127.0.0.1:7071";
var settingsPath = Argument("--settings") ?? "local.settings.json";
var values = JsonDocument
    .Parse(await File.ReadAllTextAsync(settingsPath))
    .RootElement.GetProperty("Values")
    .EnumerateObject()
    .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
var functionKey = values
    .Where(v => v.Key.StartsWith("Host__FunctionKeys__", StringComparison.OrdinalIgnoreCase))
    .Select(v => v.Value)
    .FirstOrDefault()
    ?? throw new InvalidDataException($"{settingsPath} names no function key (Host__FunctionKeys__default).");
var webhookSecret = values.GetValueOrDefault("Webhooks__Generic__Secret")
    ?? throw new InvalidDataException(
        $"{settingsPath} has no Webhooks__Generic__Secret: the webinar's deliveries are signed with it."
    );

using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
var watch = Stopwatch.StartNew();
var seeder = new DemoSeeder(
    new DemoClient(http, functionKey, webhookSecret),
    DemoData.Load(),
    TimeProvider.System,
    Console.Out
);
var summary = await seeder.SeedAsync(CancellationToken.None);
summary.WriteTo(Console.Out);
var site = url.TrimEnd('/');
Console.WriteLine(
    $"""
    demo: seeded in {watch.Elapsed.TotalSeconds:0.0} s. Look around:
      workspace      {site}/api/app   (sign in with the function key {functionKey})
      dashboard      {site}/api/dashboard?code={functionKey}
      mailbox        {site}/dev/mailbox?code={functionKey}   (welcome emails arrive seconds after the leads)
      hot leads      {site}/api/leads?temperature=hot&code={functionKey}
      funnel         {site}/api/reports/funnel?code={functionKey}
      referrals      {site}/api/reports/referrals?code={functionKey}
      API reference  {site}/api/docs/
    """
);
return 0;

string? Argument(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
