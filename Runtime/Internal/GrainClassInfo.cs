using Microsoft.Extensions.DependencyInjection;

namespace PiiOrleans.Runtime.Internal;

/// <summary>What the runtime knows about one grain class: how to create it and how it is scheduled.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type classType)
    {
        ClassType = classType;
        Name = classType.Name;
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        var worker = (StatelessWorkerAttribute?)Attribute.GetCustomAttribute(classType, typeof(StatelessWorkerAttribute), inherit: true);
        if (worker is not null)
        {
            IsStatelessWorker = true;
            MaxLocalWorkers = worker.MaxLocalWorkers > 0 ? worker.MaxLocalWorkers : Environment.ProcessorCount;
        }

        Factory = ActivatorUtilities.CreateFactory(classType, Type.EmptyTypes);
    }

    public Type ClassType { get; }

    /// <summary>Short class name: used in grain ids, messages and the metrics tag <c>grain.type</c>.</summary>
    public string Name { get; }

    public bool IsReentrant { get; }

    public bool IsStatelessWorker { get; }

    public int MaxLocalWorkers { get; }

    public ObjectFactory Factory { get; }
}
