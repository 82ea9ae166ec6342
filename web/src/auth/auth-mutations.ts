import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, RegisterBody } from '@contracts/http';
import { deleteAccount, signIn, signOut, signUp } from './session-store.ts';

export function useSignIn() {
  return useMutation({ mutationFn: (body: LoginBody) => signIn(body) });
}

export function useSignUp() {
  return useMutation({ mutationFn: (body: RegisterBody) => signUp(body) });
}

/** Signing out drops every cached query, so the next user never sees stale data. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => signOut(), onSettled: () => queryClient.clear() });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => deleteAccount(password),
    onSuccess: () => queryClient.clear(),
  });
}
