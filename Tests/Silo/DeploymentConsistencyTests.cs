using System.Reflection;
using System.Text.RegularExpressions;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Tests.Silo;

/// <summary>
/// The deployment files (Dockerfile, deploy/*.yaml, deploy/k8s/*.yaml) set only configuration keys the silo reads, and
/// docs/host.md documents every key: a renamed option cannot leave a manifest silently setting nothing.
/// </summary>
public sealed partial class DeploymentConsistencyTests
{
    private static readonly string Repository = FindRepository();

    [Fact]
    public void Every_PIIORLEANS_Silo_variable_in_the_deployment_files_is_a_silo_option_documented_in_host_md()
    {
        var options = typeof(SiloOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var hostDoc = File.ReadAllText(Path.Combine(Repository, "docs", "host.md"));
        var files = new[] { Path.Combine(Repository, "Dockerfile") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository, "deploy"), "*.yaml", SearchOption.AllDirectories))
            .ToList();
        Assert.Contains(files, f => f.Contains(Path.Combine("deploy", "k8s"), StringComparison.Ordinal));

        var used = files.SelectMany(f => SiloVariable().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value))).ToList();

        Assert.NotEmpty(used);
        Assert.All(used, u => Assert.True(options.Contains(u.Key), $"{u.File} sets PIIORLEANS_Silo__{u.Key}, which is not a SiloOptions property"));
        Assert.All(options, key => Assert.True(hostDoc.Contains($"`Silo:{key}`", StringComparison.Ordinal), $"docs/host.md does not document Silo:{key}"));
    }

    [Fact]
    public void The_pool_manifests_give_the_silos_a_cluster_a_data_root_and_an_api_key()
    {
        foreach (var file in new[] { Path.Combine("deploy", "compose.pool.yaml"), Path.Combine("deploy", "k8s", "silo.yaml") })
        {
            var text = File.ReadAllText(Path.Combine(Repository, file));
            Assert.Contains("PIIORLEANS_Silo__Cluster", text);
            Assert.Contains("PIIORLEANS_Silo__DataRoots__0", text);
            Assert.Contains("PIIORLEANS_Silo__ApiKey", text);
        }

        Assert.Contains("PIIORLEANS_Silo__Kubernetes", File.ReadAllText(Path.Combine(Repository, "deploy", "k8s", "silo.yaml")));
    }

    [GeneratedRegex(@"PIIORLEANS_Silo__([A-Za-z]+)")]
    private static partial Regex SiloVariable();

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PiiOrleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PiiOrleans.sln not found above the test binaries");
    }
}
