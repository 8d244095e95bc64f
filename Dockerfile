# dapgate: build with the Swift toolchain, run on a slim Debian 12 with only the runtime libraries.
#   docker build -t dapgate .
#   docker run --rm -e DAPGATE_IMAP_URL=... -e DAPGATE_SMTP_URL=... -v dapgate-data:/data dapgate run
FROM swift:6.0-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcurl4-openssl-dev libsqlite3-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product dapgate --static-swift-stdlib \
 && install -D "$(swift build -c release --show-bin-path)/dapgate" /out/dapgate

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcurl4 libsqlite3-0 tzdata ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /data --create-home dapgate
COPY --from=build /out/dapgate /usr/local/bin/dapgate
COPY templates /usr/share/dapgate/templates
ENV DAPGATE_DB=/data/dapgate.sqlite \
    DAPGATE_TEMPLATES=/usr/share/dapgate/templates \
    DAPGATE_CONFIG=/data/dapgate.conf \
    TZ=Europe/Amsterdam
USER dapgate
WORKDIR /data
VOLUME ["/data"]
# SIGTERM (docker stop) finishes the mail at hand and exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/dapgate"]
CMD ["run"]
