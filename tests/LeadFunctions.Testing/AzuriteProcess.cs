using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LeadFunctions.Testing;

/// <summary>
/// The repo's pinned Azurite (node_modules) as a child process, bound to loopback with its own data
/// folder. Started on OS-chosen ports; <see cref="StopAsync"/> and <see cref="StartAsync"/> again bring
/// it back on the same ports with the same data, which is a storage outage and its recovery.
/// </summary>
/// <param name="inMemory">
/// Keep everything in memory (--inMemoryPersistence). On disk, Azurite rewrites its whole database file
/// every 5 s on its one thread, stalling every request for as long as that takes (over 100 ms with
/// tens of thousands of messages); measurements of our code use memory, outages need the disk.
/// </param>
/// <param name="initialOldSpaceMegabytes">
/// Node's initial old generation (--initial-old-space-size), 0 for Node's default. Under sustained load
/// the default heap makes Azurite run a full garbage collection every 5 to 10 s, and each one stalls
/// every request, ours and a baseline's alike, for 50 to 120 ms; with 2,048 MB it runs about one per
/// benchmark scenario, so latencies measure the code under test rather than the emulator's collector.
/// </param>
public sealed partial class AzuriteProcess(bool inMemory = false, int initialOldSpaceMegabytes = 0) : IAsyncDisposable
{
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string dataFolder = Directory.CreateTempSubdirectory("azurite-").FullName;
    private readonly Dictionary<string, int> ports = new(StringComparer.Ordinal)
    {
        ["Blob"] = 0,
        ["Queue"] = 0,
        ["Table"] = 0,
    };
    private Process? process;

    /// <summary>The settings that point a host (a process or a builder) at this Azurite, its names prefixed with
    /// <paramref name="prefix"/>.</summary>
    public string[] HostSettings(string prefix) =>
        [$"--AzureWebJobsStorage={ConnectionString}", $"--Storage:NamePrefix={prefix}"];

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{ports["Blob"]}/devstoreaccount1;"
        + $"QueueEndpoint=http://127.0.0.1:{ports["Queue"]}/devstoreaccount1;"
        + $"TableEndpoint=http://127.0.0.1:{ports["Table"]}/devstoreaccount1;";

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] heap =
            initialOldSpaceMegabytes > 0
                ? [string.Create(CultureInfo.InvariantCulture, $"--initial-old-space-size={initialOldSpaceMegabytes}")]
                : [];
        string[] persistence = inMemory ? ["--inMemoryPersistence"] : ["--location", dataFolder];
        // --silent: no access-log line per request, which costs the emulator CPU on every call and us the reading.
        // --disableTelemetry: Azurite otherwise reports usage to Application Insights from every test run.
        foreach (
            var arg in (string[])
                [
                    .. heap,
                    FindAzurite(),
                    "--skipApiVersionCheck",
                    "--silent",
                    "--disableTelemetry",
                    "--blobHost",
                    "127.0.0.1",
                    "--queueHost",
                    "127.0.0.1",
                    "--tableHost",
                    "127.0.0.1",
                    .. persistence,
                ]
        )
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (service, port) in ports)
        {
            info.ArgumentList.Add($"--{service.ToLowerInvariant()}Port");
            info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        }

        process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var listening = 0;
        while (listening < ports.Count)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("Azurite exited while starting.");
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                listening++;
            }
        }

        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    }

    /// <summary>
    /// Stops Azurite the way an operator would (Ctrl+C, SIGINT), so that it writes its data out; a SIGKILL
    /// loses Azurite's last unsaved writes, which is the emulator's durability, not ours.
    /// </summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            using (var term = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }

    private static string FindAzurite()
    {
        var azurite = Path.Combine(RepositoryRoot(), "node_modules", ".bin", "azurite");
        return File.Exists(azurite)
            ? azurite
            : throw new InvalidOperationException(
                "Azurite is not installed: run 'npm ci' at the repository root (./test.sh does)."
            );
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}
