package org.ssoplatform.resourceserver.reactive;

import org.ssoplatform.resourceserver.PlatformCaller;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/** Lets a reactive handler declare {@code PlatformCaller caller} instead of digging in the security context. */
final class ReactivePlatformCallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PlatformCaller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        return ReactivePlatformCaller.current().cast(Object.class);
    }
}
