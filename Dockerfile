# syntax=docker/dockerfile:1
#
# factbot's container image. The build stage runs scripts/build, the script
# CI runs, so that the image holds the binary CI built and tested.
#
#   docker build --build-arg VERSION=$(git describe --tags --always) -t factbot .
#
# See "Running with Docker" in README.md.

FROM golang:1.26 AS build
WORKDIR /src
# The modules in a layer of their own, rebuilt only when go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN --mount=type=cache,target=/root/.cache/go-build VERSION=$VERSION scripts/build
# An empty folder for the store, owned by the image's nonroot user (65532).
RUN mkdir -p /out/data

# Static, non-root, with CA certificates for Discord's TLS; no shell.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /src/bin/factbot /factbot
# The seed articles fill a fresh /articles volume; mount a folder of your own over it.
COPY --from=build /src/facts/seeds /articles
VOLUME /articles
# The store of questions and votes (SQLite); keep it on a volume.
COPY --from=build --chown=65532:65532 /out/data /data
VOLUME /data
ENV FACTBOT_ARTICLES=/articles \
    FACTBOT_DATA=/data \
    FACTBOT_HTTP_ADDR=:8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/factbot", "health"]
ENTRYPOINT ["/factbot", "serve"]
