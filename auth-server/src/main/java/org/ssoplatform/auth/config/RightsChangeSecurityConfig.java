package org.ssoplatform.auth.config;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.ssoplatform.auth.shared.UserTokenCheck;
import org.ssoplatform.auth.shared.UserTokenRequired;

/** Calls that change rights take a person's token ({@link UserTokenRequired}). */
@Configuration(proxyBeanMethods = false)
class RightsChangeSecurityConfig {

    /**
     * Ahead of the auth-type check and {@code @PreAuthorize}, so an API key is told why it is refused even where
     * it also lacks the role.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor userTokenRequiredAdvisor() {
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                AnnotationMatchingPointcut.forMethodAnnotation(UserTokenRequired.class), new UserTokenCheck());
        interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() - 2);
        return interceptor;
    }
}
