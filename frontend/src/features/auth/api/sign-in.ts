import { useMutation } from '@tanstack/react-query';
import { signIn, type Credentials } from '@/lib/auth';

/** The token request itself lives in the session store, which keeps the tokens it answers with. */
export function useSignIn() {
  return useMutation({
    mutationFn: ({ username, password }: Credentials) => signIn(username, password),
  });
}
