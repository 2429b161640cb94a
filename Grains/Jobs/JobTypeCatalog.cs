namespace PiiOrleans.Grains.Jobs;

/// <summary>The job types registered with <see cref="JobServiceCollectionExtensions.AddJobType{TRunner}"/>, by name.</summary>
public sealed class JobTypeCatalog
{
    private readonly Dictionary<string, JobTypeRegistration> _byName;

    /// <summary>Builds the catalog from the registrations in DI; a name registered twice is a start-up error.</summary>
    public JobTypeCatalog(IEnumerable<JobTypeRegistration> registrations)
    {
        _byName = new Dictionary<string, JobTypeRegistration>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            if (!_byName.TryAdd(registration.Name, registration))
            {
                throw new InvalidOperationException(
                    $"Job type '{registration.Name}' is registered twice; remove one of the AddJobType calls.");
            }
        }

        All = _byName.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every registered job type, ordered by name.</summary>
    public IReadOnlyList<JobTypeRegistration> All { get; }

    /// <summary>Finds a job type by name (case-insensitive).</summary>
    public bool TryGet(string name, out JobTypeRegistration registration) =>
        _byName.TryGetValue(name, out registration!);
}
