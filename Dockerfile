# PiiOrleans silo image. Build from the repository root:
#   docker build --platform linux/amd64 -t piiorleans-silo .
# Default: the TEE job mode (one job from INPUT_PATH to OUTPUT_PATH, then exit). `serve` runs the gateway instead.
# Every RUN below is a command docs/host.md also gives for building by hand.

FROM --platform=linux/amd64 mcr.microsoft.com/dotnet/sdk:10.0 AS build
# ONNX Runtime's native library comes with its NuGet package; the bundled NER model is copied by the build.
WORKDIR /src
COPY . .
RUN dotnet publish Silo/PiiOrleans.Silo.csproj -c Release -o /app

FROM --platform=linux/amd64 mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Two glibc malloc arenas instead of one per core and thread: 10 MB less peak RSS for a tables job with the NER model
# (288 → 278 MB, 100k rows). No DOTNET_GCgen0size: a 32 MB gen-0 budget makes patterns-only jobs faster but costs a
# NER-on job (the default) ~30 MB, past its 300 MB bound; a patterns-only deployment may add it (docs/tables.md).
ENV PIIORLEANS_Silo__Host=0.0.0.0 \
    PIIORLEANS_Silo__Port=5080 \
    PIIORLEANS_Silo__LogFormat=json \
    MALLOC_ARENA_MAX=2 \
    INPUT_PATH=/mnt/input \
    OUTPUT_PATH=/mnt/output
# The aspnet image ships a non-root user "app" (uid 1654).
USER $APP_UID
EXPOSE 5080
ENTRYPOINT ["dotnet", "PiiOrleans.Silo.dll"]
CMD ["tee"]
