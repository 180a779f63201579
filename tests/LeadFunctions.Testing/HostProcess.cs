using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace LeadFunctions.Testing;

/// <summary>
/// The real self-hosted runtime as a separate process (the Release build of LeadFunctions.Host), so
/// that it can be measured on its own, killed with SIGKILL and started again on the same port.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly string[] settings;
    private Process? process;

    public HostProcess(params string[] settings)
    {
        this.settings = settings;
        Port = FreePort();
        Client = new HttpClient(
            new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }
        )
        {
            BaseAddress = new Uri($"http://127.0.0.1:{Port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public bool IsRunning => process is { HasExited: false };

    public long WorkingSetBytes
    {
        get
        {
            process?.Refresh();
            return process is { HasExited: false } p ? p.WorkingSet64 : 0;
        }
    }

    public async Task StartAsync()
    {
        var root = AzuriteProcess.RepositoryRoot();
        process = Start(
            root,
            [
                $"--urls=http://127.0.0.1:{Port}",
                $"--contentRoot={root}",
                "--environment=Production",
                "--Logging:LogLevel:Default=Warning",
                "--Intake:PermitsPerMinute=100000000",
                .. ProductionRequired,
                .. settings,
            ]
        );
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await Client.GetAsync("/api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become healthy within a minute.");
    }

    /// <summary>
    /// Runs the host with <paramref name="contentRoot"/> (its host.json) until it exits by itself, as it does on a
    /// configuration it refuses; killed if it is still running after <paramref name="timeout"/>.
    /// </summary>
    /// <summary>
    /// What Production will not start without: SendGrid's key and sender, the consent token secret and a postal
    /// address. The measured and tested scenarios send no email, so placeholders do.
    /// </summary>
    public static readonly string[] ProductionRequired =
    [
        "--SendGrid:ApiKey=not-used",
        "--SendGrid:FromEmail=bench@example.com",
        "--Consent:TokenSecret=bench-consent-token-secret-0123456789abcdef",
        "--Nurture:PostalAddress=Bench, İstanbul",
    ];

    /// <summary>Runs the host in Production with <see cref="ProductionRequired"/> and <paramref name="settings"/> until
    /// it exits.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToExitAsync(
        string contentRoot,
        TimeSpan timeout,
        params string[] settings
    )
    {
        using var host = Start(
            contentRoot,
            [
                $"--urls=http://127.0.0.1:{FreePort()}",
                $"--contentRoot={contentRoot}",
                "--environment=Production",
                .. ProductionRequired,
                .. settings,
            ]
        );
        var output = host.StandardOutput.ReadToEndAsync();
        var error = host.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(timeout);
        try
        {
            await host.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }

        return (host.ExitCode, await output, await error);
    }

    /// <summary>SIGKILL: no graceful stop, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>A figure from GET /api/health, e.g. ("runtime", "storageOperations").</summary>
    public async Task<long> HealthFigureAsync(string check, string figure)
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync("/api/health"));
        return document
            .RootElement.GetProperty("checks")
            .EnumerateArray()
            .First(c => c.GetProperty("name").GetString() == check)
            .GetProperty("data")
            .GetProperty(figure)
            .GetInt64();
    }

    /// <summary>The rows of <paramref name="table"/> (its physical name) the host has read from storage since it
    /// started, from GET /api/health.</summary>
    public async Task<long> TableRowsReadAsync(string table)
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync("/api/health"));
        var rows = document
            .RootElement.GetProperty("checks")
            .EnumerateArray()
            .First(c => c.GetProperty("name").GetString() == "runtime")
            .GetProperty("data")
            .GetProperty("tableRowsRead");
        return rows.TryGetProperty(table, out var count) ? count.GetInt64() : 0;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
    }

    private static Process Start(string workingDirectory, string[] arguments)
    {
        var dll = Path.Combine(
            AzuriteProcess.RepositoryRoot(),
            "src",
            "LeadFunctions.Host",
            "bin",
            "Release",
            "net10.0",
            "LeadFunctions.Host.dll"
        );
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in (string[])[dll, .. arguments])
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("The host did not start.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
