package io.rapport.platform.web;

import io.rapport.platform.domain.Member;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the calling {@link Member} as a parameter. */
public class CurrentMemberResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Member.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object member = webRequest.getAttribute(MemberFromHeadersFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (member == null) {
            throw new IllegalStateException("No member on this request: is the path outside /api/?");
        }
        return member;
    }
}
