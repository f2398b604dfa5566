package org.linqin.core.http;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.netty.handler.codec.compression.Brotli;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Offers brotli ({@code Content-Encoding: br}) besides gzip and deflate when the brotli4j native library loads on
 * this platform. Quarkus's own {@code quarkus.http.compressors=br} would stop the server from starting where it does
 * not (brotli4j ships natives for the platform of the build only); here the server starts with gzip and deflate and
 * says why.
 */
@ApplicationScoped
public class BrotliCompression implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(BrotliCompression.class);

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        if (!options.isCompressionSupported()) {
            return;
        }
        if (!Brotli.isAvailable()) {
            LOG.infof("Responses are compressed with gzip and deflate; brotli is not available here: %s",
                    Brotli.cause());
            return;
        }
        if (options.getCompressors() == null) { // Vert.x's default, kept: gzip and deflate
            options.addCompressor(StandardCompressionOptions.gzip(options.getCompressionLevel(), 15, 8))
                    .addCompressor(StandardCompressionOptions.deflate(options.getCompressionLevel(), 15, 8));
        }
        options.addCompressor(StandardCompressionOptions.brotli());
    }
}
