package org.ssoplatform.resourceserver.servlet;

import org.ssoplatform.resourceserver.PlatformCaller;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a handler declare {@code PlatformCaller caller} instead of digging in the security context. */
final class PlatformCallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PlatformCaller.class.equals(parameter.getParameterType());
    }

    @Override
    public PlatformCaller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return PlatformCaller.current();
    }
}
